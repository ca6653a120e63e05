import { defineErrors } from '../../platform/http/errors';

export const RegistryErrors = defineErrors('REGISTRY', {
  ID_FORMAT: {
    status: 400,
    zh: '公民身份号码格式不正确：应为 18 位（或 15 位旧号码）',
    en: 'ID number: 18 characters (or a legacy 15-digit number)',
  },
  ID_ADDRESS: { status: 400, zh: '公民身份号码的地址码不正确', en: 'ID number: invalid address code' },
  ID_BIRTH_DATE: {
    status: 400,
    zh: '公民身份号码中的出生日期不是真实日期',
    en: 'ID number: the birth date is not a real date',
  },
  ID_FUTURE_BIRTH: {
    status: 400,
    zh: '公民身份号码中的出生日期晚于今天',
    en: 'ID number: the birth date is in the future',
  },
  ID_CHECK_CHARACTER: { status: 400, zh: '公民身份号码校验码不正确', en: 'ID number: wrong check character' },
  ID_OR_REASON: {
    status: 400,
    zh: '请填写公民身份号码，或说明没有号码的原因',
    en: 'Give the ID number, or the reason there is none',
  },
  NO_ID_NEEDS_BIRTH: {
    status: 400,
    zh: '没有公民身份号码时须填写性别和出生日期',
    en: 'Without an ID number, sex and birth date are required',
  },
  SEX_MISMATCH: { status: 400, zh: '性别与公民身份号码不符', en: 'The sex does not match the ID number' },
  BIRTH_MISMATCH: {
    status: 400,
    zh: '出生日期与公民身份号码不符',
    en: 'The birth date does not match the ID number',
  },
  DUPLICATE_ID: {
    status: 409,
    zh: '该公民身份号码已登记（人员 {personId}）',
    en: 'This ID number is already registered (person {personId})',
  },
  PERSON_NOT_FOUND: {
    status: 404,
    zh: '人员不存在或不在您的管辖范围内',
    en: 'Person not found or outside your scope',
  },
  HOUSEHOLD_NOT_FOUND: {
    status: 404,
    zh: '户不存在或不在您的管辖范围内',
    en: 'Household not found or outside your scope',
  },
  ALREADY_MEMBER: {
    status: 409,
    zh: '{name} 已是另一户的成员',
    en: '{name} already belongs to another household',
  },
  NOT_MEMBER: {
    status: 404,
    zh: '此人不是该户的现有成员',
    en: 'This person is not a current member of the household',
  },
  HEAD_CANNOT_LEAVE: {
    status: 409,
    zh: '户主不能离户，请先变更户主',
    en: 'The head cannot leave; change the head first',
  },
  MERGE_SAME: { status: 400, zh: '不能与自己合并', en: 'A record cannot be merged with itself' },
  MERGED: { status: 409, zh: '该人员记录已被合并', en: 'This person record was merged into another' },
  ALREADY_DECEASED: { status: 409, zh: '已登记死亡', en: 'Already recorded as deceased' },
});
