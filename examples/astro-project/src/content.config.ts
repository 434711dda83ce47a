import {defineCollection} from 'astro:content'
import {runsheetLoader} from '@runsheet/site'

// One entry per runbook under ../ (the repository's examples): `entry.data` is the validated Runbook model.
export const collections = {
  runbooks: defineCollection({loader: runsheetLoader({base: '..'})})
}
