import {join} from 'node:path'
import * as pagefind from 'pagefind'

export interface IndexResult {
  pages: number
  errors: string[]
}

/**
 * Indexes the built site with Pagefind into `<outDir>/pagefind/`. One index holds every language, so a
 * Korean query finds Korean runbooks from an English page too; Korean words are matched by prefix, so
 * `배포` finds `배포자`.
 */
export async function indexSite(outDir: string): Promise<IndexResult> {
  try {
    const {index, errors} = await pagefind.createIndex({forceLanguage: 'en'})
    if (!index) return {pages: 0, errors}
    const added = await index.addDirectory({path: outDir})
    const written = await index.writeFiles({outputPath: join(outDir, 'pagefind')})
    return {pages: added.page_count, errors: [...errors, ...added.errors, ...written.errors]}
  } finally {
    await pagefind.close()
  }
}
