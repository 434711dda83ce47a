/**
 * Zod without its compiled fast path. To decide whether it may compile one, Zod tries `new Function('')`
 * when a schema is built; under the site's Content-Security-Policy (no `'unsafe-eval'`) that try is
 * refused and reported as a violation even though Zod catches it. Imported first by the page scripts that
 * reach Zod (run mode reads records through the parser's schemas), so the setting is in place before any
 * schema is built.
 */
import {config} from 'zod'

config({jitless: true})
