import { describe, expect, it } from 'vitest';
import { createTopology, TopologyError, type TopologyInput } from './index.js';

const node = (id: string, group = 0, state?: 'active' | 'joining' | 'draining' | 'down') => ({
  id,
  address: `http://${id}:7700`,
  group,
  ...(state === undefined ? {} : { state }),
});
const valid: TopologyInput = {
  shards: 64,
  replicationFactor: 2,
  replicaGroups: 2,
  nodes: [node('c', 1), node('a'), node('d', 1, 'down'), node('b')],
};

describe('createTopology', () => {
  it('returns a deeply frozen value with nodes sorted by id and grouped', () => {
    const topology = createTopology(valid);
    expect(topology.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(topology.groups.map((g) => g.map((n) => n.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(topology.nodesById.d?.state).toBe('down');
    expect(topology.nodesById.a?.state).toBe('active');
    expect(Object.getPrototypeOf(topology.nodesById)).toBeNull();
    expect(Object.isFrozen(topology)).toBe(true);
    expect(Object.isFrozen(topology.nodes)).toBe(true);
    expect(Object.isFrozen(topology.groups[0])).toBe(true);
    expect(Object.isFrozen(topology.nodes[0])).toBe(true);
  });

  it('does not depend on the order of the input nodes', () => {
    const reversed = createTopology({ ...valid, nodes: [...valid.nodes].reverse() });
    expect(reversed).toEqual(createTopology(valid));
  });

  it('does not keep references to the caller’s objects', () => {
    const nodes = [node('a'), node('b')];
    const topology = createTopology({ shards: 4, replicationFactor: 1, replicaGroups: 1, nodes });
    nodes[0]!.address = 'changed';
    expect(topology.nodesById.a?.address).toBe('http://a:7700');
  });

  it.each<[string, unknown, string]>([
    ['S = 0', { ...valid, shards: 0 }, 'shards'],
    ['S too large', { ...valid, shards: 65537 }, 'shards'],
    ['S not an integer', { ...valid, shards: 1.5 }, 'shards'],
    ['RF = 0', { ...valid, replicationFactor: 0 }, 'replicationFactor'],
    ['RF larger than a group', { ...valid, replicationFactor: 3 }, 'replicationFactor'],
    ['RG = 0', { ...valid, replicaGroups: 0 }, 'replicaGroups'],
    ['an empty group', { ...valid, replicaGroups: 3 }, 'replicationFactor'],
    ['a node in a group ≥ RG', { ...valid, nodes: [...valid.nodes, node('e', 2)] }, 'nodes[4].group'],
    ['a negative group', { ...valid, nodes: [...valid.nodes, node('e', -1)] }, 'nodes[4].group'],
    ['a duplicate id', { ...valid, nodes: [...valid.nodes, node('a', 1)] }, 'nodes[4].id'],
    ['an empty id', { ...valid, nodes: [...valid.nodes, node('', 1)] }, 'nodes[4].id'],
    ['a lone surrogate in an id', { ...valid, nodes: [...valid.nodes, node('x\ud800', 1)] }, 'nodes[4].id'],
    [
      'an empty address',
      { ...valid, nodes: [...valid.nodes, { ...node('e'), address: '' }] },
      'nodes[4].address',
    ],
    [
      'an unknown state',
      { ...valid, nodes: [...valid.nodes, { ...node('e'), state: 'gone' }] },
      'nodes[4].state',
    ],
    ['nodes not an array', { ...valid, nodes: 'a,b' }, 'nodes'],
    ['a node that is not an object', { ...valid, nodes: [...valid.nodes, 'e'] }, 'nodes[4]'],
    ['not an object', null, ''],
  ])('rejects %s with TopologyError at the right path', (_name, input, path) => {
    let caught: unknown;
    try {
      createTopology(input as TopologyInput);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TopologyError);
    expect((caught as TopologyError).path).toBe(path);
  });
});
