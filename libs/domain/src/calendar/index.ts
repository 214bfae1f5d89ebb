export * from './local-date';
export * from './lunar';
export * from './calendar-day';
export * from './announced';
export * from './announced-years';
export * from './holidays';
export * from './calendar';
export * from './civil-calendar';
