import {describe, expect, test, vi} from 'vitest'
import {remarkFrontEnd} from './front-end.js'
import {isFrontEndName, loadFrontEnd} from './load-front-end.js'

const specifier = 'satteri'
const installed = await import(specifier).then(
  () => true,
  () => false
)

describe('loadFrontEnd', () => {
  test('remark is the reference front end, loaded by name', async () => {
    expect(await loadFrontEnd('remark')).toBe(remarkFrontEnd)
  })

  test.runIf(installed)('auto, the default, is satteri where it is installed', async () => {
    expect((await loadFrontEnd()).name).toBe('satteri')
    expect((await loadFrontEnd('auto')).name).toBe('satteri')
    const satteri = await loadFrontEnd('satteri')
    expect(satteri.name).toBe('satteri')
    expect(satteri.parse('- [ ] 배포\n').children[0]).toMatchObject({type: 'list', children: [{checked: false}]})
  })

  test('where satteri does not load, auto is remark and satteri by name is an error saying what to install', async () => {
    vi.resetModules()
    vi.doMock('satteri', () => {
      throw new Error('Cannot find module satteri')
    })
    try {
      const fresh = await import('./load-front-end.js')
      expect((await fresh.loadFrontEnd('auto')).name).toBe('remark')
      await expect(fresh.loadFrontEnd('satteri')).rejects.toThrow(fresh.FrontEndUnavailableError)
      await expect(fresh.loadFrontEnd('satteri')).rejects.toThrow('npm install satteri')
    } finally {
      vi.doUnmock('satteri')
      vi.resetModules()
    }
  })

  test('names are checked', () => {
    expect(['auto', 'remark', 'satteri'].every(isFrontEndName)).toBe(true)
    expect(isFrontEndName('micromark')).toBe(false)
    expect(isFrontEndName(undefined)).toBe(false)
  })
})
