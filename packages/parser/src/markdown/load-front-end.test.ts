import {describe, expect, test} from 'vitest'
import {remarkFrontEnd} from './front-end.js'
import {FrontEndUnavailableError, isFrontEndName, loadFrontEnd} from './load-front-end.js'

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

  test.runIf(!installed)('auto is remark where satteri is not installed, and satteri by name is an error saying what to install', async () => {
    expect(await loadFrontEnd('auto')).toBe(remarkFrontEnd)
    await expect(loadFrontEnd('satteri')).rejects.toThrow(FrontEndUnavailableError)
    await expect(loadFrontEnd('satteri')).rejects.toThrow('npm install satteri')
  })

  test('names are checked', () => {
    expect(['auto', 'remark', 'satteri'].every(isFrontEndName)).toBe(true)
    expect(isFrontEndName('micromark')).toBe(false)
    expect(isFrontEndName(undefined)).toBe(false)
  })
})
