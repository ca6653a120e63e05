import { describe, expect, it } from 'vitest';
import { compareLevels, inScope, isAncestorOfScope, levelOf, significantPrefix } from './scope';

describe('significantPrefix', () => {
  it('keeps the digits that name the division at each level', () => {
    expect(significantPrefix('610000000000')).toBe('61'); // 陕西省
    expect(significantPrefix('610300000000')).toBe('6103'); // 宝鸡市
    expect(significantPrefix('610302000000')).toBe('610302'); // 渭滨区
    expect(significantPrefix('610302001000')).toBe('610302001'); // 金陵街道
    expect(significantPrefix('610302100000')).toBe('610302100'); // 马营镇 (town numbers start at 100)
    expect(significantPrefix('610302001001')).toBe('610302001001'); // a community
    expect(significantPrefix('610302001001007')).toBe('610302001001007'); // a grid below it
  });
  it('gives the empty prefix for the whole country', () => {
    expect(significantPrefix('000000000000')).toBe('');
  });
});

describe('levelOf', () => {
  it('names the level of each kind of code', () => {
    expect(levelOf('610000000000')).toBe('province');
    expect(levelOf('610300000000')).toBe('city');
    expect(levelOf('610302000000')).toBe('county');
    expect(levelOf('610302001000')).toBe('township');
    expect(levelOf('610302001001')).toBe('village');
    expect(levelOf('610302001001007')).toBe('grid');
  });
  it('orders levels from the top down', () => {
    expect(compareLevels('city', 'county')).toBe(-1);
    expect(compareLevels('township', 'township')).toBe(0);
    expect(compareLevels('grid', 'village')).toBe(1);
  });
});

describe('inScope', () => {
  it('admits the scope itself and everything under it', () => {
    expect(inScope('610302000000', '610302000000')).toBe(true);
    expect(inScope('610302000000', '610302001000')).toBe(true);
    expect(inScope('610302000000', '610302001001')).toBe(true);
    expect(inScope('610302000000', '610302001001007')).toBe(true);
    expect(inScope('610300000000', '610331100000')).toBe(true);
  });
  it('refuses siblings, parents and other counties', () => {
    expect(inScope('610302000000', '610304000000')).toBe(false); // 陈仓区
    expect(inScope('610302000000', '610300000000')).toBe(false); // the city above
    expect(inScope('610302001000', '610302002000')).toBe(false); // another street of the county
    expect(inScope('610302001001', '610302001002')).toBe(false); // the next community
  });
  it('does not confuse a town with the streets whose numbers share its first digit', () => {
    // 610302100 马营镇 vs 610302010…: a prefix of "6103021" would wrongly admit both.
    expect(inScope('610302100000', '610302100001')).toBe(true);
    expect(inScope('610302100000', '610302010000')).toBe(false);
    expect(inScope('610302100000', '610302101000')).toBe(false);
  });
  it('treats a record without a region as out of every scope but nothing else', () => {
    expect(inScope('610300000000', null)).toBe(false);
    expect(inScope('610300000000', undefined)).toBe(false);
    expect(inScope('000000000000', '440305000000')).toBe(true);
  });
});

describe('isAncestorOfScope', () => {
  it('is true for the chain above the scope, false for the scope, siblings and children', () => {
    expect(isAncestorOfScope('610302001000', '610300000000')).toBe(true);
    expect(isAncestorOfScope('610302001000', '610302000000')).toBe(true);
    expect(isAncestorOfScope('610302001000', '610302001000')).toBe(false);
    expect(isAncestorOfScope('610302001000', '610304000000')).toBe(false);
    expect(isAncestorOfScope('610302001000', '610302001001')).toBe(false);
  });
});
