// antd's and dayjs's Chinese, apart from the app's English so that a browser showing English never
// downloads them: i18n.ts loads this module with the Chinese texts (resources.zh-CN.ts).
// ES, as antd's own modules: antd/locale/zh_CN is CommonJS and brings a CommonJS copy of rc-picker's texts.
import antdZhCN from 'antd/es/locale/zh_CN';
// Registers dayjs's 'zh-cn' locale; providers.tsx switches dayjs to it when the language changes.
import 'dayjs/locale/zh-cn';

export { antdZhCN };
