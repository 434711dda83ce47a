import type {RootContent} from 'mdast'
import type {Block, CalloutKind} from '../schema/blocks.js'
import type {Position} from '../schema/position.js'
import type {Context} from './context.js'

/**
 * An MkDocs admonition (`!!! info "Title"` and the lines indented under it), read into the tree as a node
 * of its own, as remark-directive reads its containers: mdast has none. `children` is its body as parsed.
 */
export interface Admonition {
  type: 'admonition'
  kind: CalloutKind
  /** The type as written on the marker line (`info`, `Warning`). */
  tag: string
  /** `closed` when written `???`, `open` when written `???+`; absent for `!!!`. */
  collapsible?: 'closed' | 'open'
  title: string | null
  children: readonly Flow[]
  position: Position
}

/** A block-level node of a tree with admonitions read into it: what block handlers read. */
export type Flow = RootContent | Admonition

/** Where blocks are read: the section whose id prefixes the ids of the items inside. */
export interface Scope {
  sectionId: string | null
}

/** Reads a node of one type as model blocks: one, several, or none for a node that holds nothing. */
export type BlockHandler<Node extends Flow = Flow> = (node: Node, state: BlockState, scope: Scope) => Block | Block[] | undefined

/** A handler per node type. */
export type BlockHandlers = {[Type in Flow['type']]?: BlockHandler<Extract<Flow, {type: Type}>>}

/**
 * What block handlers are given, as mdast-util-to-hast gives its handlers its `state`: the context, the
 * table of handlers, and the way back into it. A handler of a container reads what it holds through
 * `state.all`, so no handler imports the dispatcher or another handler.
 */
export interface BlockState {
  context: Context
  handlers: BlockHandlers
  /** The blocks of one node, read by its type's handler; a node of a type without one is kept as its source text. */
  one(node: Flow, scope: Scope): Block | Block[] | undefined
  /** The blocks of sibling nodes, in order. */
  all(nodes: readonly Flow[], scope: Scope): Block[]
}
