// @ts-check
import {defineConfig} from 'astro/config'
import {runsheet} from '@runsheet/site'

export default defineConfig({
  integrations: [
    // A whole Runsheet site (home page, one page per runbook, search) under /site/.
    runsheet({dir: '..', prefix: 'site', title: 'Example runbooks', lang: 'en'})
  ]
})
