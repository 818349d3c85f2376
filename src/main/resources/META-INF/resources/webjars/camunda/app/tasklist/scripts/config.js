// Tasklist's configuration, in place of the one Camunda ships (which configures nothing but
// its keyboard shortcuts, kept below).
export default {
  // Chinese for a browser whose first language is Chinese (zh, zh-CN, zh-TW...), English
  // otherwise; locales/zh.json is the community translation (see locales/README.md)
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  // loaded from app/tasklist/ before Tasklist starts
  customScripts: ['custom/form-validity', 'custom/due-first'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
