export { byClass, findAll, parseSvg, XmlElement } from './parse-svg';
