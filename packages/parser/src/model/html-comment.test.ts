import {expect, test} from 'vitest'
import {isHtmlComment} from './html-comment.js'

test('comments alone are comments; a comment beside markup, or one left open, is not', () => {
  for (const value of ['<!-- hidden -->', '<!-- a -->\n<!--\nb\n-->\n', '<!---->', ' <!-- DO NOT EDIT --> ']) expect(isHtmlComment(value), value).toBe(true)
  for (const value of ['<!-- a --><b>x</b>', '<!-- open', '<kbd>', '<!-- a --> text', '']) expect(isHtmlComment(value), value).toBe(false)
})
