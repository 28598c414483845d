/** Chinese names for countries and volcanoes, which the source files give in English only. */
export const COUNTRY_NAMES_ZH: Record<string, string> = {
  CN: '中国',
  KP: '朝鲜',
  KR: '韩国',
  RU: '俄罗斯',
  MN: '蒙古',
  JP: '日本',
  US: '美国',
  MX: '墨西哥',
  CA: '加拿大',
  TW: '中国台湾',
};

export const VOLCANO_NAMES_ZH: Record<string, string> = {
  Changbaishan: '长白山',
  'Longgang Group': '龙岗火山群',
  Jingpohu: '镜泊湖火山',
  Xianjindao: '贤津岛火山',
  Wudalianchi: '五大连池',
  'Arxan-Chaihe': '阿尔山—柴河火山群',
  Honggeertu: '红格尔图火山',
};
