import type {Plugin} from 'vite'

/** A WOFF fallback after the WOFF2 source in an `@font-face` rule, as written or as minified. */
const woffSource = /,\s*url\(\s*['"]?[^)'"]*\.woff['"]?\s*\)\s*format\(\s*['"]woff['"]\s*\)/g

/**
 * Drops the WOFF fallbacks from the self-hosted font's stylesheets: every browser the site supports reads
 * WOFF2, and the build then copies half as many font files. The stylesheets come in through `@import`,
 * which Vite inlines without handing the imported file to plugins, so the built stylesheets are cleaned
 * as they are written, and the WOFF files no stylesheet names any more are not written at all.
 *
 * @internal
 */
export function woff2Only(): Plugin {
  return {
    name: 'runsheet:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/]noto-sans-kr[\\/][^?]*\.css(?:\?|$)/.test(id)) return undefined
      return {code: code.replace(woffSource, ''), map: null}
    },
    generateBundle(_, bundle) {
      const texts: string[] = []
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string') {
          file.source = file.source.replace(woffSource, '')
          texts.push(file.source)
        } else if (file.type === 'chunk') texts.push(file.code)
      }
      for (const file of Object.values(bundle)) {
        if (!/noto-sans-kr-.*\.woff$/.test(file.fileName)) continue
        const name = file.fileName.split('/').pop()!
        if (!texts.some((text) => text.includes(name))) delete bundle[file.fileName]
      }
    }
  }
}
