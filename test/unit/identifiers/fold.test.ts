import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldVietnamese } from '../../../src/domain/identifiers/fold.ts';
import { anyText } from './arbitraries.ts';

/** The definition the fast per-character path must agree with. */
const byNormalizing = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ ';

describe('foldVietnamese', () => {
  it.each([
    ['Ngân hàng TMCP Ngoại Thương', 'ngan hang tmcp ngoai thuong'],
    ['ĐÔNG Á', 'dong a'],
    ['Quân đội', 'quan doi'],
    ['Ngoa\u0323i', 'ngoai'],
    ['Straße', 'straße'],
  ])('%j → %j', (input, want) => expect(foldVietnamese(input)).toBe(want));

  it('agrees with NFD folding on Vietnamese text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...VIETNAMESE), { maxLength: 40 }).map((cs) => cs.join('')), (s) => {
      expect(foldVietnamese(s)).toBe(byNormalizing(s));
    }));
  });

  it('agrees with NFD folding on any text', () => {
    fc.assert(fc.property(anyText, (s) => {
      expect(foldVietnamese(s)).toBe(byNormalizing(s));
    }));
  });
});
