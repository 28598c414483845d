/** Every user-facing string, in both languages. Place names never live here: they come from the data. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES = {
  zh: {
    appTitle: '跨域风险协同',
    appSubtitle: '跨行政区灾害预警与协同处置',
    region: '区域',
    language: '语言',
    fitRegion: '全区视图',
    loadingRegion: '正在加载区域数据…',
    loadFailed: '区域数据加载失败',
    jurisdiction: '行政区',
    code: '区划代码',
    parent: '上级',
    neighbours: '相邻行政区',
    hoverHint: '将鼠标移到或点击行政区以查看名称与代码',
    coreJurisdiction: '本区域',
    borderingJurisdiction: '周边',
    legend: '图例',
    legendRiver: '河流',
    legendLake: '湖泊、水库',
    legendPowerPlant: '发电厂',
    legendVolcano: '火山',
    close: '关闭',
  },
  en: {
    appTitle: 'CrossRisk',
    appSubtitle: 'Cross-jurisdiction hazard warning and response',
    region: 'Region',
    language: 'Language',
    fitRegion: 'Fit region',
    loadingRegion: 'Loading region data…',
    loadFailed: 'Could not load the region data',
    jurisdiction: 'Jurisdiction',
    code: 'Code',
    parent: 'Parent',
    neighbours: 'Neighbours',
    hoverHint: 'Hover over or click a jurisdiction to see its name and code',
    coreJurisdiction: 'in region',
    borderingJurisdiction: 'bordering',
    legend: 'Legend',
    legendRiver: 'River',
    legendLake: 'Lake, reservoir',
    legendPowerPlant: 'Power plant',
    legendVolcano: 'Volcano',
    close: 'Close',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['zh'];

export function parseLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((l) => l === value);
}
