import {describe, expect, test} from 'vitest'

describe('@runsheet/parser', () => {
  test('exposes exactly this public API', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'FrontEndUnavailableError',
      'anchorTargetOf',
      'anchorsOf',
      'applyRecord',
      'basenameOf',
      'blankSchema',
      'blockSchema',
      'blockquoteSchema',
      'breakSchema',
      'calloutKindSchema',
      'calloutSchema',
      'checklistSchema',
      'childrenOf',
      'choiceOptionSchema',
      'choiceSchema',
      'commandPartSchema',
      'commandSchema',
      'contactSchema',
      'criterionSchema',
      'defaultKeywords',
      'defaultMaxBytes',
      'definitionSchema',
      'deleteSchema',
      'dirnameOf',
      'emphasisSchema',
      'emptyRecord',
      'enKeywords',
      'evidenceSchema',
      'fieldSchema',
      'fingerprintOf',
      'footnoteDefinitionSchema',
      'footnoteReferenceSchema',
      'frontEndNames',
      'headerAnchorsOf',
      'htmlSchema',
      'imageSchema',
      'inSourceOrder',
      'inlineCodeSchema',
      'inlineHtmlSchema',
      'inlineSchema',
      'isFrontEndName',
      'isHtmlComment',
      'isMarkdownPath',
      'isRecordOf',
      'itemSchema',
      'itemsOf',
      'joinPath',
      'koKeywords',
      'langSchema',
      'languageOfFileName',
      'linkSchema',
      'linkTargetSchema',
      'lintRules',
      'listItemSchema',
      'listSchema',
      'loadFrontEnd',
      'matchRecord',
      'mdastFromMarkdown',
      'mergeKeywords',
      'normalText',
      'paragraphSchema',
      'parseRunbook',
      'partsOf',
      'partsOfFingerprint',
      'pointSchema',
      'positionSchema',
      'positionsInOrder',
      'recordKinds',
      'recordTargetsFrom',
      'recordTargetsOf',
      'remarkFrontEnd',
      'runRecordSchema',
      'runbookFromMdast',
      'runbookJsonSchema',
      'runbookSchema',
      'satteriFrontEnd',
      'sectionKindSchema',
      'sectionOf',
      'sectionSchema',
      'signatureSchema',
      'sourceSchema',
      'stats',
      'strongSchema',
      'tableCellSchema',
      'tableColumnSchema',
      'tableRowSchema',
      'tableSchema',
      'textSchema',
      'thematicBreakSchema',
      'timeframeSchema',
      'toMarkdown',
      'tooLargeRunbook',
      'translationSchema',
      'walk',
      'withoutMarkdownExtension',
      'withoutPositions',
      'writtenFrontmatter'
    ])
  })

  test('the main entry points are functions', async () => {
    const api = await import('./index.js')
    for (const name of ['parseRunbook', 'runbookFromMdast', 'mdastFromMarkdown', 'toMarkdown', 'stats', 'walk', 'runbookJsonSchema', 'mergeKeywords']) {
      expect([name, typeof api[name as keyof typeof api]]).toEqual([name, 'function'])
    }
  })
})

test('the runtime imports no Node module: it runs in browsers (only the CLI may)', async () => {
  const {readdirSync, readFileSync} = await import('node:fs')
  const {join} = await import('node:path')
  const root = new URL('.', import.meta.url).pathname
  const runtime = readdirSync(root, {recursive: true, encoding: 'utf8'}).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('cli') && !file.startsWith('test-util')
  )
  expect(runtime.length).toBeGreaterThan(20)
  const offenders = runtime.filter((file) => /from ['"]node:|import\(['"]node:|require\(/.test(readFileSync(join(root, file), 'utf8')))
  expect(offenders).toEqual([])
})
