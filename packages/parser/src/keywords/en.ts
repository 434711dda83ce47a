import type {Keywords} from './types.js'

/** English vocabulary. */
export const en: Keywords = {
  sectionKinds: [
    {kind: 'prerequisites', phrases: ['pre-deployment', 'pre-deploy', 'predeployment', 'before deployment', 'before you begin', 'before starting', 'prerequisite', 'preparation', 'pre-flight', 'preflight', 'readiness', 'requirements']},
    {kind: 'procedure', phrases: ['deployment steps', 'procedure', 'steps', 'implementation', 'execution', 'rollout', 'roll out', 'deployment process', 'instructions']},
    {kind: 'verification', phrases: ['post-deployment verification', 'verification', 'verify', 'validation', 'validate', 'smoke test', 'health check', 'testing']},
    {kind: 'rollback', phrases: ['rollback procedure', 'rollback plan', 'rollback', 'roll back', 'roll-back', 'revert', 'back out', 'backout', 'undo'], standalone: true},
    {kind: 'golive', phrases: ['go-live', 'go live', 'golive', 'launch', 'cutover', 'cut-over', 'release day']},
    {kind: 'followup', phrases: ['post-deployment tasks', 'post deployment tasks', 'follow-up', 'follow up', 'followup', 'aftercare', 'after deployment', 'post-release', 'post-incident', 'lessons learned']},
    {kind: 'contacts', phrases: ['contacts', 'contact', 'escalation', 'on-call', 'on call', 'emergency contacts'], standalone: true},
    {kind: 'signoff', phrases: ['sign-off', 'signoff', 'sign off', 'approval', 'approvals', 'signatures']},
    {kind: 'references', phrases: ['references', 'reference documents', 'see also', 'related documents', 'related links', 'resources', 'further reading']},
    {kind: 'quickref', phrases: ['quick reference', 'quick-reference', 'quickref', 'cheat sheet', 'cheatsheet', 'useful commands', 'key commands']}
  ],
  fieldKeys: {
    project: ['project', 'project name', 'service', 'system', 'application'],
    version: ['version', 'release version', 'release'],
    date: ['date', 'deployment date', 'release date', 'deploy date', 'scheduled date'],
    time: ['time', 'start time', 'end time'],
    owner: ['owner', 'deployment owner', 'assignee', 'responsible', 'dri'],
    environment: ['environment', 'env', 'target environment'],
    notes: ['notes', 'note', 'remarks', 'comments'],
    status: ['status', 'deployment status', 'result', 'outcome'],
    deployer: ['deployed by', 'deployer', 'performed by', 'executed by'],
    approver: ['approved by', 'approver', 'approval'],
    reviewer: ['reviewed by', 'reviewer'],
    author: ['author', 'written by', 'prepared by'],
    signature: ['signature', 'signed', 'sign'],
    updated: ['last updated', 'updated', 'last modified'],
    severity: ['severity', 'priority'],
    incidentCommander: ['incident commander', 'ic']
  },
  signatureKeys: [],
  optionalMarkers: ['if applicable', 'optional', 'if needed', 'if necessary', 'if required', 'where applicable', 'as needed'],
  ordinalPatterns: [/^(?:\p{L}+\s+)?(?:step|phase|stage|part)\s*(\d+)(?![.,]?\d)\b/iu, /^(\d+)(?:\.|\))(?:\s|$)/u],
  timeframePatterns: [
    {unit: 'hour', pattern: /\bhour\s*(\d+)\b/iu},
    {unit: 'day', pattern: /\bday\s*(\d+)\b|\bD\+(\d+)\b/iu},
    {unit: 'week', pattern: /\bweek\s*(\d+)\b/iu},
    {unit: 'month', pattern: /\bmonth\s*(\d+)\b/iu}
  ],
  triggerPatterns: [/^(?:if|when|whenever|in case|should|upon|on failure|on error)\b/iu],
  contactColumns: {
    role: ['role', 'team', 'function', 'position'],
    name: ['name', 'person', 'owner'],
    contact: ['contact', 'phone', 'email', 'mobile', 'slack', 'pager', 'channel'],
    escalation: ['escalation', 'level', 'tier', 'priority']
  },
  // Every MkDocs Material type and alias, by the GitHub kind each is shown as.
  admonitionKinds: {
    note: 'note', info: 'note', todo: 'note', abstract: 'note', summary: 'note', tldr: 'note', example: 'note', quote: 'note', cite: 'note', question: 'note', help: 'note', faq: 'note',
    tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
    important: 'important',
    warning: 'warning', attention: 'warning',
    caution: 'caution', danger: 'caution', error: 'caution', failure: 'caution', fail: 'caution', missing: 'caution', bug: 'caution'
  },
  evidenceMarks: {
    passed: ['pass', 'passed'],
    failed: ['fail', 'failed'],
    conditions: ['if', 'when', 'whenever', 'unless', 'until', 'expect', 'expected', 'expects', 'should', 'must', 'will', 'e.g.', 'eg', 'example']
  },
  footerVersionLabels: ['version', 'ver'],
  footerUpdatedLabels: ['last updated', 'updated', 'last modified', 'date']
}
