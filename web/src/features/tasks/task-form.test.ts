import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CreateTaskRequest, UpdateTaskRequest, type Task } from '@weir/contract';
import { ApiError } from '../../api/api-error';
import { formValuesToCreateRequest, formValuesToUpdateRequest, NEW_TASK_VALUES, sqlErrorOf, taskToFormValues, type TaskFormValues } from './task-form';

const task = (over: Partial<Task>): Task => ({
  id: 't1',
  name: 'orders',
  kind: 'SQL',
  lifecycle: 'DEVELOP',
  executionMode: 'STREAMING',
  clusterId: 'c1',
  teamId: 'default',
  owner: null,
  description: null,
  currentVersionId: null,
  latestRunId: null,
  latestStatus: null,
  latestStartTime: null,
  createdAt: 0,
  updatedAt: 0,
  sql: 'SELECT 1',
  jar: null,
  config: { parallelism: 2, checkpointIntervalMs: 10_000, savepointStrategy: 'latest', savepointPath: null, flinkOptions: {}, alertGroup: null },
  currentVersion: null,
  hasUnpublishedChanges: false,
  ...over,
});

test('a saved SQL task comes back unchanged from its form values', () => {
  const saved = task({ owner: 'ana', description: 'orders per minute', config: { ...task({}).config, flinkOptions: { 'state.backend.type': 'rocksdb' }, alertGroup: 'payments' } });
  const body = UpdateTaskRequest.parse(formValuesToUpdateRequest(taskToFormValues(saved)));
  assert.deepEqual(body, {
    name: 'orders',
    clusterId: 'c1',
    executionMode: 'STREAMING',
    owner: 'ana',
    description: 'orders per minute',
    sql: 'SELECT 1',
    config: { parallelism: 2, checkpointIntervalMs: 10_000, savepointStrategy: 'latest', savepointPath: null, flinkOptions: { 'state.backend.type': 'rocksdb' }, alertGroup: 'payments' },
  });
});

test('a jar task keeps its jar, entry class and arguments', () => {
  const jarTask = task({ kind: 'JAR', sql: null, jar: { jarId: 'sha', fileName: 'wc.jar', entryClass: 'org.example.Main', args: ['--input', '/data/in 1.txt'] } });
  const values = taskToFormValues(jarTask);
  assert.equal(values.jarName, 'wc.jar');
  assert.deepEqual(formValuesToUpdateRequest(values).jar, { jarId: 'sha', entryClass: 'org.example.Main', args: ['--input', '/data/in 1.txt'] });
  assert.equal('sql' in formValuesToUpdateRequest(values), false);
});

test('a jar task with no jar uploaded yet sends no jar', () => {
  const body = formValuesToUpdateRequest({ ...(NEW_TASK_VALUES as TaskFormValues), name: 'wc', clusterId: 'c1', kind: 'JAR' });
  assert.equal('jar' in body, false);
  assert.equal('sql' in body, false);
});

test('blank text fields are sent as null, so clearing a field clears it', () => {
  const values = { ...taskToFormValues(task({ owner: 'ana', description: 'x' })), name: '  orders  ', owner: '  ', description: '', alertGroup: ' ', savepointPath: '' };
  const body = formValuesToUpdateRequest(values);
  assert.equal(body.name, 'orders');
  assert.equal(body.owner, null);
  assert.equal(body.description, null);
  assert.equal(body.config?.alertGroup, null);
  assert.equal(body.config?.savepointPath, null);
});

test('a new task from the default values is a valid request, with its team only when one was chosen', () => {
  const values = { ...(NEW_TASK_VALUES as TaskFormValues), name: 'new', clusterId: 'c1' };
  const withoutTeam = CreateTaskRequest.parse(formValuesToCreateRequest(values));
  assert.equal(withoutTeam.kind, 'SQL');
  assert.equal('teamId' in withoutTeam, false);
  assert.equal(formValuesToCreateRequest({ ...values, teamId: 'payments' }).teamId, 'payments');
});

test('an external task is edited like a SQL task', () => {
  assert.equal(taskToFormValues(task({ kind: 'EXTERNAL', sql: null })).kind, 'SQL');
});

test('the script position of a rejected statement is read from the error, and nothing from other errors', () => {
  const rejected = new ApiError(422, 'FLINK_REJECTED', 'rejected', { line: 3, column: 7, message: 'Object not found' });
  assert.deepEqual(sqlErrorOf(rejected), { line: 3, column: 7, message: 'Object not found' });
  assert.deepEqual(sqlErrorOf(new ApiError(422, 'FLINK_REJECTED', 'rejected', { line: null, message: 'bad' })), { line: null, column: null, message: 'bad' });
  assert.equal(sqlErrorOf(new ApiError(503, 'FLINK_UNREACHABLE', 'down')), null);
  assert.equal(sqlErrorOf(new Error('network')), null);
});
