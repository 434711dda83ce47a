/**
 * The interface's text in Korean and English, for the pages (`t`, `translator`) and for the browser
 * scripts (`clientMessages` embedded in the page, read back through `clientTranslator`). Both fill
 * placeholders with `fill`. Bundled for the browser too: no `node:` imports here.
 */
import en from '../translations/en.json' with {type: 'json'}
import ko from '../translations/ko.json' with {type: 'json'}

/** The languages the interface is written in. */
export type UiLang = 'ko' | 'en'
export const uiLangs: readonly UiLang[] = ['ko', 'en']

export type MessageKey = keyof typeof en

/** Values for a message's `{name}` placeholders. */
export type MessageValues = Record<string, string | number>

const tables: Record<UiLang, Record<MessageKey, string>> = {en, ko}

/** `template` with its `{name}` placeholders filled from `values`; a placeholder without a value stays as it is. */
export function fill(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
}

/** The interface text for `key`, with `{name}` placeholders filled in. */
export function t(lang: UiLang, key: MessageKey, values: MessageValues = {}): string {
  return fill(tables[lang][key] ?? tables.en[key], values)
}

/** A translator bound to one language, for components. */
export function translator(lang: UiLang): (key: MessageKey, values?: MessageValues) => string {
  return (key, values) => t(lang, key, values)
}

/** Every key of one language's table, so tests can check that both tables hold the same keys. */
export function keysOf(lang: UiLang): string[] {
  return Object.keys(tables[lang])
}

/** The `Intl` locale that writes dates and times for an interface language (`ko-KR`, else `en-GB`). */
export function intlLocale(lang: string): string {
  return lang === 'ko' ? 'ko-KR' : 'en-GB'
}

/** The keys of the strings the browser scripts use: a script can ask only for these. */
const clientKeys = [
  'run.progress',
  'run.resetConfirm',
  'run.started',
  'run.changed',
  'run.ticked',
  'run.filled',
  'run.exportFailed',
  'run.importConfirm',
  'run.imported',
  'run.importUnreadable',
  'run.importNotJson',
  'run.importBadField',
  'run.importForeign',
  'run.notSaved',
  'run.savedUnreadable',
  'run.savedForeign',
  'run.dropped',
  'run.droppedMore',
  'run.quoted',
  'toc.progress',
  'command.copied',
  'command.copy',
  'command.copyFailed',
  'search.loading',
  'search.none',
  'search.results',
  'search.more',
  'search.unavailable',
  'home.filterCount',
  'lang.ko',
  'lang.en'
] as const satisfies readonly MessageKey[]

export type ClientMessageKey = (typeof clientKeys)[number]

/** The strings a page embeds for its scripts, as they read them back: a page without them gives none. */
export type ClientMessages = Partial<Record<ClientMessageKey, string>>

/** The interface strings the browser scripts need, as one object to embed in the page. */
export function clientMessages(lang: UiLang): ClientMessages {
  return Object.fromEntries(clientKeys.map((key) => [key, tables[lang][key]]))
}

/** A translator over the strings a page embedded; a missing string shows its key. */
export function clientTranslator(messages: ClientMessages): (key: ClientMessageKey, values?: MessageValues) => string {
  return (key, values) => fill(messages[key] ?? key, values)
}
