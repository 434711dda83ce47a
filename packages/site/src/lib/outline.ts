/**
 * What the rest of a site needs of a runbook besides its own page: its header, its editions, its links,
 * the anchors other runbooks' links may name, and the counts its card shows. A fraction of the model's
 * size, so that a rebuild reads the outlines of every runbook from the cache and the models of the pages
 * it renders alone. No `node:` imports: the pages import it.
 */
import {anchorsOf, stats, walk, type Anchors, type Link, type Runbook, type SectionKind} from '@runsheet/parser'
import {withEmoji} from './emoji.js'

/** A link as the site resolves it: where it points, as written, and where it is written. */
export type LinkRef = Pick<Link, 'href' | 'target' | 'position'>

export interface RunbookOutline extends Pick<Runbook, 'title' | 'subtitle' | 'lang' | 'version' | 'updated'> {
  /** The paths of the editions it declares, as written (relative to its folder). */
  translations: string[]
  /** Every link, in document order. */
  links: LinkRef[]
  /** The element id each `#fragment` lands on (`anchorsOf`). */
  anchors: Anchors
  /** Items, blanks and commands in all; kinds of its sections in the order they first appear, `generic` left out. */
  counts: {items: number; blanks: number; commands: number; kinds: SectionKind[]}
}

/** The outline of a runbook. */
export function outlineOf(runbook: Runbook): RunbookOutline {
  const links: LinkRef[] = []
  walk(runbook, (node) => {
    if (node.type === 'link') links.push(node.position ? {href: node.href, target: node.target, position: node.position} : {href: node.href, target: node.target})
  })
  const counted = stats(runbook)
  const kinds: SectionKind[] = []
  for (const section of counted.sections) if (section.kind !== 'generic' && !kinds.includes(section.kind)) kinds.push(section.kind)
  return {
    // As pages show them: emoji shortcodes as emoji (cards, links to it, the contents of a printed book).
    title: withEmoji(runbook.title),
    subtitle: runbook.subtitle === null ? null : withEmoji(runbook.subtitle),
    lang: runbook.lang,
    version: runbook.version,
    updated: runbook.updated,
    translations: runbook.translations.map((translation) => translation.path),
    links,
    anchors: anchorsOf(runbook),
    counts: {items: counted.total, blanks: counted.blanks, commands: counted.commands, kinds}
  }
}
