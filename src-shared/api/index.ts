export * from './contract';
export * from './schemas';
export * from './contract-session';
export * from './contract-coaching';
export * from './contract-reports';
export * from './contract-orders';
export * from './contract-audits';
export * from './contract-targets';
