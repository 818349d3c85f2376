// Cockpit's configuration, in place of the one Camunda ships (which configures
// nothing).
export default {
  // Chinese for a browser whose first language is Chinese (zh, zh-CN, zh-TW...), English
  // otherwise; locales/zh.json is the community translation (see ../tasklist/locales/README.md)
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
