import type {Timeframe} from '@runsheet/parser'
import type {UiLang} from './i18n.js'

const units: Record<UiLang, Record<Timeframe['unit'], (count: number) => string>> = {
  ko: {hour: (n) => `${n}시간차`, day: (n) => `${n}일차`, week: (n) => `${n}주차`, month: (n) => `${n}개월차`},
  en: {
    hour: (n) => `Hour ${n}`,
    day: (n) => `Day ${n}`,
    week: (n) => `Week ${n}`,
    month: (n) => `Month ${n}`
  }
}

/** A timeframe in the page's language: `1일차`, `Day 1`. */
export function timeframeText(timeframe: Timeframe, lang: UiLang): string {
  return units[lang][timeframe.unit](timeframe.count)
}
