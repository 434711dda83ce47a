import {describe, expect, test} from 'vitest'
import {en} from './en.js'
import {ko} from './ko.js'
import {defaultKeywords, mergeKeywords} from './merge.js'

describe('keywords', () => {
  test('the default vocabulary is Korean and English together', () => {
    expect(defaultKeywords.sectionKinds).toEqual([...ko.sectionKinds, ...en.sectionKinds])
    expect(defaultKeywords.fieldKeys.version).toEqual([...(ko.fieldKeys.version ?? []), ...(en.fieldKeys.version ?? [])])
    expect(defaultKeywords.optionalMarkers).toEqual(expect.arrayContaining(['해당하는 경우', '선택 사항', '필요시', 'if applicable', 'optional']))
  })

  test('both languages cover every section kind', () => {
    const kinds = ['prerequisites', 'procedure', 'verification', 'rollback', 'golive', 'followup', 'contacts', 'signoff', 'references', 'quickref']
    expect(ko.sectionKinds.map((entry) => entry.kind)).toEqual(kinds)
    expect(en.sectionKinds.map((entry) => entry.kind)).toEqual(kinds)
  })

  test('mergeKeywords appends every table and leaves the base unchanged', () => {
    const before = structuredClone({fieldKeys: ko.fieldKeys, optionalMarkers: ko.optionalMarkers})
    const merged = mergeKeywords(ko, {
      fieldKeys: {version: ['판'], ticket: ['티켓']},
      optionalMarkers: ['재량'],
      contactColumns: {role: ['직무'], name: [], contact: [], escalation: []},
      admonitionKinds: {info: 'tip'},
      evidenceMarks: {passed: ['OK'], failed: []},
      footerVersionLabels: ['rev']
    })
    expect(merged.fieldKeys.version).toEqual([...(ko.fieldKeys.version ?? []), '판'])
    expect(merged.fieldKeys.ticket).toEqual(['티켓'])
    expect(merged.optionalMarkers.at(-1)).toBe('재량')
    expect(merged.contactColumns.role.at(-1)).toBe('직무')
    expect(merged.admonitionKinds.info).toBe('tip')
    expect(merged.evidenceMarks.passed).toEqual([...ko.evidenceMarks.passed, 'OK'])
    expect(merged.footerVersionLabels).toEqual([...ko.footerVersionLabels, 'rev'])
    expect(merged.sectionKinds).toEqual(ko.sectionKinds)
    expect({fieldKeys: ko.fieldKeys, optionalMarkers: ko.optionalMarkers}).toEqual(before)
  })
})
