export { findFreePort } from './find-free-port.js';
export type { Cluster, StartClusterOptions } from './start-cluster.js';
export { startCluster } from './start-cluster.js';
export type { NodeHandle, StartNodeOptions } from './start-node.js';
export { startNode } from './start-node.js';
export { waitForHealthy } from './wait-for-healthy.js';
