import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';
import { PreviewSlots } from './preview-slots.js';

const person = (id: string, kind: Principal['kind'] = 'user'): Principal => ({ kind, id, name: id, role: 'operator', globalRole: 'operator', teamRoles: {} });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err;
  }
  assert.fail('expected a refusal');
}

describe('preview slots', () => {
  it('refuses a third preview of one user with 429 and names the limit, and frees the place when one ends', () => {
    const slots = new PreviewSlots({ perPrincipal: 2, perCluster: 10 });
    const first = slots.take(person('ann'), 'c1', 'prod');
    slots.take(person('ann'), 'c2', 'staging');
    const refused = refusal(() => slots.take(person('ann'), 'c1', 'prod'));
    assert.equal(refused.code, 'RATE_LIMITED');
    assert.match(refused.message, /At most 2 previews per user or token/);
    slots.take(person('bob'), 'c1', 'prod');
    first();
    slots.take(person('ann'), 'c1', 'prod');
  });

  it('counts a token apart from a user with the same id', () => {
    const slots = new PreviewSlots({ perPrincipal: 1, perCluster: 10 });
    slots.take(person('x'), 'c1', 'prod');
    slots.take(person('x', 'token'), 'c1', 'prod');
  });

  it("caps one cluster's previews whoever starts them, naming the cluster, while another cluster still has room", () => {
    const slots = new PreviewSlots({ perPrincipal: 5, perCluster: 2 });
    slots.take(person('a'), 'c1', 'prod');
    const second = slots.take(person('b'), 'c1', 'prod');
    assert.match(refusal(() => slots.take(person('c'), 'c1', 'prod')).message, /At most 2 previews run at once on cluster prod/);
    slots.take(person('c'), 'c2', 'staging');
    second();
    slots.take(person('c'), 'c1', 'prod');
  });

  it('gives a place back once, however often the preview reports its end', () => {
    const slots = new PreviewSlots({ perPrincipal: 1, perCluster: 1 });
    const done = slots.take(person('a'), 'c1', 'prod');
    done();
    done();
    slots.take(person('a'), 'c1', 'prod');
    assert.equal(refusal(() => slots.take(person('b'), 'c1', 'prod')).code, 'RATE_LIMITED', 'the second call did not free a place twice');
  });

  it('keeps the counts of a refused preview unchanged', () => {
    const slots = new PreviewSlots({ perPrincipal: 1, perCluster: 2 });
    const held = slots.take(person('a'), 'c1', 'prod');
    refusal(() => slots.take(person('a'), 'c1', 'prod'));
    held();
    slots.take(person('b'), 'c1', 'prod');
    slots.take(person('c'), 'c1', 'prod');
    assert.match(refusal(() => slots.take(person('d'), 'c1', 'prod')).message, /on cluster prod/, 'two previews fill the cluster: the refused one took no place');
  });
});
