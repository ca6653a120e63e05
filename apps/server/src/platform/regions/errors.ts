import { defineErrors } from '../http/errors';

export const RegionErrors = defineErrors('REGION', {
  NOT_FOUND: {
    status: 404,
    zh: '区划 {code} 不存在或不在您的管辖范围内',
    en: 'Division {code} not found or outside your scope',
  },
  NOT_CURRENT: { status: 409, zh: '区划 {code} 已不是现行区划', en: 'Division {code} is no longer current' },
  CODE_TAKEN: { status: 409, zh: '区划代码 {code} 已存在', en: 'Division code {code} already exists' },
  LEVEL_MISMATCH: {
    status: 400,
    zh: '新旧代码必须同级且属于同一上级区划',
    en: 'The old and new codes must be of the same level under the same parent',
  },
});
