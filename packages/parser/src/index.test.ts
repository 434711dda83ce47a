import {describe, expect, test} from 'vitest'

describe('@runsheet/parser', () => {
  test('exposes exactly this public API', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'applyRecord',
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
      'definitionSchema',
      'deleteSchema',
      'emphasisSchema',
      'emptyRecord',
      'enKeywords',
      'evidenceSchema',
      'fieldSchema',
      'footnoteDefinitionSchema',
      'footnoteReferenceSchema',
      'htmlSchema',
      'imageSchema',
      'inSourceOrder',
      'inlineCodeSchema',
      'inlineHtmlSchema',
      'inlineSchema',
      'itemSchema',
      'itemsOf',
      'koKeywords',
      'langSchema',
      'linkSchema',
      'linkTargetSchema',
      'lintRules',
      'listItemSchema',
      'listSchema',
      'mdastFromMarkdown',
      'mergeKeywords',
      'paragraphSchema',
      'parseRunbook',
      'partsOf',
      'pointSchema',
      'positionSchema',
      'runRecordSchema',
      'runbookFromMdast',
      'runbookJsonSchema',
      'runbookSchema',
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
      'translationSchema',
      'walk'
    ])
  })

  test('the main entry points are functions', async () => {
    const api = await import('./index.js')
    for (const name of ['parseRunbook', 'runbookFromMdast', 'mdastFromMarkdown', 'toMarkdown', 'stats', 'walk', 'runbookJsonSchema', 'mergeKeywords']) {
      expect([name, typeof api[name as keyof typeof api]]).toEqual([name, 'function'])
    }
  })
})
