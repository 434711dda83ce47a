declare module 'virtual:runsheet/site' {
  import type {Site} from './lib/site.js'
  import type {SiteModuleSettings} from './integration/virtual-site.js'

  export const site: Site
  export const settings: SiteModuleSettings
}
