export type {Keywords, SectionKindKeywords} from './types.js'
export {defaultKeywords, mergeKeywords} from './merge.js'
export {ko} from './ko.js'
export {en} from './en.js'
