export * from './runtime/projection';
export * from './runtime/projector';
export * from './runtime/case-folds';
export * from './units/units.projection';
export * from './units/unit-queries';
export * from './case-list/case-list.projection';
export * from './case-list/case-list-queries';
export * from './runtime/statements';
