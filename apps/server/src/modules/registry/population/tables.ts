/**
 * The reference tables behind the synthetic population of Baoji. Figures are rounded public statistics
 * (2020 census, the Ministry of Public Security's surname ranking, the 2006 disability survey); they make the
 * data look like a real registry, nothing more. Nothing here is real personal data.
 */

/** Registered (hukou) population at scale 1, as in the bureau's 2020 work report. */
export const BAOJI_POPULATION = 3_770_000;

/** The day the population is generated "as of": fixed so that the same seed gives the same people. */
export const POPULATION_AS_OF = '2026-01-01';

/** Hukou population by county (10,000 people), summing to about 3.77 million. */
export const COUNTY_WEIGHTS: Record<string, number> = {
  '610302': 40, // 渭滨区
  '610303': 42, // 金台区
  '610304': 60, // 陈仓区
  '610305': 52, // 凤翔区
  '610323': 47, // 岐山县
  '610324': 44, // 扶风县
  '610326': 32, // 眉县
  '610327': 27, // 陇县
  '610328': 13, // 千阳县
  '610329': 9, // 麟游县
  '610330': 6.5, // 凤县
  '610331': 5, // 太白县
};

/**
 * Address codes a county carried before a re-coding: a number issued there before the date keeps the old code
 * for life (GB 11643). 凤翔县 610322 became 凤翔区 610305 on 2021-01-29; 宝鸡县 610321 became 陈仓区 610304 in
 * January 2003.
 */
export const FORMER_CODES: Record<string, { code: string; until: string }> = {
  '610305': { code: '610322', until: '2021-01-29' },
  '610304': { code: '610321', until: '2003-01-01' },
};

/** Birthplaces outside Baoji (county-level address codes) with weights: neighbours first. */
export const OUTSIDE_CODES: readonly (readonly [string, number])[] = [
  ['610102', 6], // 西安 新城区
  ['610104', 5], // 西安 莲湖区
  ['610113', 6], // 西安 雁塔区
  ['610402', 6], // 咸阳 秦都区
  ['610424', 4], // 乾县
  ['610481', 4], // 兴平市
  ['610502', 4], // 渭南 临渭区
  ['610702', 4], // 汉中 汉台区
  ['610802', 2], // 榆林 榆阳区
  ['611002', 2], // 商洛 商州区
  ['620102', 3], // 兰州 城关区
  ['620502', 6], // 天水 秦州区
  ['620503', 5], // 天水 麦积区
  ['620522', 3], // 秦安县
  ['620525', 3], // 张家川县
  ['620802', 4], // 平凉 崆峒区
  ['621102', 2], // 定西 安定区
  ['410102', 3], // 郑州 中原区
  ['410302', 2], // 洛阳 老城区
  ['411302', 3], // 南阳 宛城区
  ['510104', 3], // 成都 锦江区
  ['511302', 2], // 南充 顺庆区
  ['500101', 2], // 重庆 万州区
  ['140105', 1], // 太原 小店区
  ['130102', 1], // 石家庄 长安区
  ['370102', 1], // 济南 历下区
];

/** Age pyramid, share of the population by five-year group from 0–4 to 100+ (China, 2020 census, rounded). */
export const AGE_PYRAMID = [
  5.5, 6.4, 6.0, 5.2, 5.3, 6.6, 8.8, 6.9, 6.6, 8.1, 8.6, 7.1, 5.1, 5.2, 3.6, 2.3, 1.5, 0.8, 0.3, 0.07, 0.01,
];

/**
 * Surnames by frequency (per thousand people, rounded from the national ranking, nudged for Shaanxi: 党 雷 屈
 * 樊 寇 are common here), with rare ones whose surname reading differs from the everyday one (单 shan, 曾 zeng,
 * 仇 qiu, 解 xie, 区 ou, 朴 piao) and a few two-character surnames.
 */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 40],
  ['杨', 33],
  ['赵', 25],
  ['黄', 18],
  ['周', 20],
  ['吴', 18],
  ['徐', 15],
  ['孙', 16],
  ['马', 17],
  ['朱', 13],
  ['胡', 12],
  ['郭', 14],
  ['何', 11],
  ['高', 13],
  ['林', 8],
  ['罗', 9],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 8],
  ['唐', 7],
  ['许', 7],
  ['韩', 8],
  ['冯', 8],
  ['邓', 6],
  ['曹', 7],
  ['彭', 5],
  ['曾', 4],
  ['肖', 5],
  ['田', 7],
  ['董', 6],
  ['袁', 5],
  ['潘', 4],
  ['于', 5],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 6],
  ['叶', 4],
  ['程', 5],
  ['苏', 5],
  ['魏', 6],
  ['吕', 5],
  ['丁', 4],
  ['任', 5],
  ['沈', 3],
  ['姚', 4],
  ['卢', 4],
  ['姜', 4],
  ['崔', 4],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 4],
  ['金', 3],
  ['石', 4],
  ['廖', 2],
  ['贾', 4],
  ['夏', 3],
  ['韦', 2],
  ['付', 3],
  ['方', 3],
  ['白', 4],
  ['邹', 2],
  ['孟', 3],
  ['熊', 2],
  ['秦', 3],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 3],
  ['闫', 3],
  ['段', 2],
  ['雷', 4],
  ['侯', 3],
  ['龙', 1],
  ['史', 3],
  ['陶', 2],
  ['黎', 1],
  ['贺', 2],
  ['顾', 1],
  ['毛', 2],
  ['郝', 2],
  ['龚', 1],
  ['邵', 1],
  ['万', 1],
  ['严', 1],
  ['武', 2],
  ['戴', 1],
  ['孔', 1],
  ['常', 2],
  ['党', 3],
  ['屈', 2],
  ['樊', 2],
  ['寇', 1],
  ['惠', 1],
  ['权', 0.5],
  ['单', 0.5],
  ['仇', 0.3],
  ['解', 0.4],
  ['区', 0.05],
  ['朴', 0.05],
  ['欧阳', 0.3],
  ['司马', 0.1],
  ['上官', 0.05],
  ['诸葛', 0.03],
];

/** Characters of given names by era of birth and sex: first and second characters, and one-character names. */
interface NamePool {
  first: string;
  second: string;
  single: string;
  /** Share of one-character given names in the era. */
  singleShare: number;
}

export const GIVEN_NAMES: Record<'old' | 'mid' | 'young', { male: NamePool; female: NamePool }> = {
  // Born before 1965.
  old: {
    male: {
      first: '建国志德永学文长振明福宝富树春忠新卫治保庆福存有玉',
      second: '国华民强军林生明平成才福山财忠祥胜发荣义堂喜仁贵良',
      single: '军林强平山忠祥胜荣义',
      singleShare: 0.12,
    },
    female: {
      first: '秀桂玉淑凤兰翠金彩春冬素丽惠红爱月巧改',
      second: '英兰珍芳梅霞花琴莲娥香云荣芝凤娟琴侠叶',
      single: '英兰珍芳梅霞花琴莲娥',
      singleShare: 0.1,
    },
  },
  // Born 1965–1989.
  mid: {
    male: {
      first: '建伟志海小晓永俊立明文军红卫新国东春光宏继利',
      second: '伟军强勇涛斌峰磊刚杰波辉鹏明亮华平龙林超锋',
      single: '伟军勇涛斌峰磊刚杰波辉鹏超强亮锋',
      singleShare: 0.3,
    },
    female: {
      first: '丽小晓秀艳红海美静春玉雪慧丹燕亚莉娟彩',
      second: '丽娟敏燕艳芳玲霞静红梅琴萍丹英娜洁妮倩莉',
      single: '丽娟敏燕艳芳静娜洁萍丹玲',
      singleShare: 0.3,
    },
  },
  // Born 1990 or later.
  young: {
    male: {
      first: '子浩宇俊博梓一思嘉明泽天文家昊睿晨奕锦铭皓佳',
      second: '轩宇然涵杰博豪航阳辰睿泽昊铭瑞凯鑫龙毅诚',
      single: '浩宇博杰鑫磊帅阳晨凯',
      singleShare: 0.12,
    },
    female: {
      first: '欣梓子雨思佳诗语一可梦雅紫若静心婉晓嘉舒',
      second: '怡涵萱琪彤然妍悦琳菲婷雪瑶晴璐馨宁月蕊',
      single: '婷雪琪悦颖璐瑶妍欣',
      singleShare: 0.12,
    },
  },
};

/** GB/T 3304 ethnicity codes: Baoji is almost entirely Han, with small Hui and other communities. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['01', 9950], // 汉
  ['03', 30], // 回
  ['02', 4], // 蒙古
  ['04', 3], // 藏
  ['11', 5], // 满
  ['05', 2], // 维吾尔
  ['08', 2], // 壮
  ['06', 1], // 苗
  ['15', 1], // 土家
  ['12', 2], // 侗 … and other codes in small numbers
];

/** Mobile number prefixes of the three operators. */
export const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '189',
  '191',
  '199',
];

/**
 * Disability certificate categories (1 vision, 2 hearing, 3 speech, 4 physical, 5 intellectual, 6 mental,
 * 7 multiple) by share (2006 national sample survey) and grades (1 most severe … 4).
 */
export const DISABILITY_CATEGORIES: readonly (readonly [string, number])[] = [
  ['1', 14.9],
  ['2', 24.2],
  ['3', 1.5],
  ['4', 29.1],
  ['5', 6.7],
  ['6', 7.4],
  ['7', 16.3],
];
export const DISABILITY_GRADES: readonly (readonly [number, number])[] = [
  [1, 12],
  [2, 20],
  [3, 30],
  [4, 38],
];

/** Where a death record came from. */
export const DEATH_SOURCES: readonly (readonly [string, number])[] = [
  ['公安户籍注销', 45],
  ['医学死亡证明', 25],
  ['殡葬火化记录', 20],
  ['村（居）委会报告', 10],
];

/** Household sizes 1–6 by share: 3.77 million people in about 1.3 million households (2.9 a household). */
export const HOUSEHOLD_SIZES: readonly (readonly [number, number])[] = [
  [1, 18],
  [2, 27],
  [3, 22],
  [4, 18],
  [5, 10],
  [6, 5],
];
