export { createSimulatorsApp, startSimulators, SIMULATED_SYSTEMS } from './app';
export type { SimulatedSystem, SimulatorsOptions, StartSimulatorsOptions, RunningSimulators } from './app';
export type { FaultSettings } from './control';
export { fixtures, seedData, UNKNOWN_LICENCE_NUMBER } from './data/seed';
export type { CompanyFixture, SpecialistFixture } from './data/seed';
export type * from './data/types';
