import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import ts from 'typescript';
import { errorLanguageOf } from './error-language.js';
import { registerErrorHandling } from './error-handler.js';
import { MESSAGES_ZH, messageInChinese, PHRASES_ZH, ROLES_ZH, THINGS_ZH, translatedBy } from './error-messages.zh-CN.js';
import { ConflictError, NotFoundError } from './errors.js';
import { OWNED_NAMES } from '../auth/auth.plugin.js';

const SERVER_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every production source file of the server (the catalog itself left out), by path. */
function serverFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.') && !entry.name.startsWith('error-messages')) files.set(path.relative(SERVER_SRC, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(SERVER_SRC);
  return files;
}

/** Every production source file of the server, as one text (the catalog itself left out). */
function serverSource(): string {
  return [...serverFiles().values()].join('\n');
}

/** The errors whose message reaches the person who made the request (errors.ts and its subclasses). */
const ERRORS_FOR_PEOPLE = new Set(['AppError', 'InputError', 'ConflictError', 'ForbiddenError', 'UnauthenticatedError', 'FlinkUnreachableError', 'FlinkRejectedError', 'NotFlinkError', 'DirectoryUnavailableError']);
/**
 * The end of a message that quotes a whole message written elsewhere (its `${…}` is one), by why
 * it is not checked here: those messages are checked where they are written.
 */
const QUOTING_ANOTHER: Record<string, string> = {
  '. Publish it unvalidated to publish it anyway.': 'tasks.service.ts quotes why the script could not be validated; both reasons have entries',
};

/** What a `${…}` in a message may hold, tried in turn: a name, a number, a Flink state, a method, a path. */
const SAMPLE_VALUES = ['orders', '7', 'RUNNING', 'GET', '/jobs/abc'];

/**
 * The messages a written expression can make, with each `${…}` filled by sample values (every
 * combination, as a pattern may want a number in one place and a name in another); each ternary
 * gives both branches, `+` joins. undefined: the message is made elsewhere (a variable, a call),
 * and is checked where it is written.
 */
function messagesOf(node: ts.Expression): string[][] | undefined {
  if (ts.isParenthesizedExpression(node)) return messagesOf(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [[node.text]];
  if (ts.isConditionalExpression(node)) {
    const [yes, no] = [messagesOf(node.whenTrue), messagesOf(node.whenFalse)];
    return yes && no ? [...yes, ...no] : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [messagesOf(node.left), messagesOf(node.right)];
    return left && right ? left.flatMap((l) => right.map((r) => l.flatMap((a) => r.map((b) => a + b)))) : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    let texts = [node.head.text];
    for (const span of node.templateSpans) texts = texts.flatMap((text) => SAMPLE_VALUES.map((value) => text + value + span.literal.text));
    return [texts];
  }
  return undefined;
}

/** Each place the server makes an error for people with a message written right there: `file:line` and the messages it can make. */
function errorSites(): { at: string; messages: string[][] }[] {
  const sites: { at: string; messages: string[][] }[] = [];
  for (const [file, text] of serverFiles()) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let message: ts.Expression | undefined;
      if (ts.isClassDeclaration(node) && node.name?.text === 'NotFoundError') return; // its things are checked by the test of NotFoundError
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERRORS_FOR_PEOPLE.has(node.expression.text)) {
        message = node.arguments?.[node.expression.text === 'AppError' ? 1 : 0];
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        message = node.arguments[1]; // a subclass of AppError naming its code: super('VALIDATION', `…`)
      }
      const messages = message && messagesOf(message);
      if (messages) sites.push({ at: `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, messages });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

describe('error messages in Chinese', () => {
  it('each translation matches the message it is written for, and that message is still written by the code', () => {
    const source = serverSource();
    for (const entry of MESSAGES_ZH) {
      assert.match(entry.example, entry.pattern, `${entry.pattern} matches its example`);
      const chinese = messageInChinese(entry.example);
      assert.notEqual(chinese, entry.example, `${entry.example} is translated`);
      assert.equal(chinese, translatedBy(entry, entry.example), `${entry.example} is translated by its own entry, not one above it`);
      for (const [n, how] of Object.entries(entry.translate ?? {})) {
        const part = entry.pattern.exec(entry.example)![Number(n)]!;
        const known = how === 'role' ? ROLES_ZH[part] : how === 'phrase' ? PHRASES_ZH[part] : messageInChinese(part) !== part;
        assert.ok(known, `${entry.example}: its part $${n} "${part}" reads in Chinese too`);
      }
      assert.doesNotMatch(chinese, /\$\d/, `${chinese}: every $n is filled`);
      assert.ok(source.includes(entry.source), `the code no longer writes "${entry.source}": update the translation of ${entry.pattern}`);
    }
  });

  it('translates every message the server writes for people where it makes the error', () => {
    const sites = errorSites();
    assert.ok(sites.length > 100, `found the places errors are made (${sites.length})`);
    const english = sites.flatMap(({ at, messages }) =>
      // A message is translated when one of its sample fillings is: each `${…}` only has to fit the pattern somehow.
      messages
        .filter((samples) => !Object.keys(QUOTING_ANOTHER).some((end) => samples[0]!.endsWith(end)))
        .filter((samples) => samples.every((sample) => messageInChinese(sample) === sample))
        .map((samples) => `${at}: ${samples[0]}`),
    );
    assert.deepEqual(english, [], 'each of these needs an entry in MESSAGES_ZH');
  });

  it('names every thing a NotFoundError is thrown for, keeping the id', () => {
    const things = new Set([...serverSource().matchAll(/new NotFoundError\((['"])([^'"]+)\1/g)].map((m) => m[2]!));
    assert.ok(things.has('YARN application'), 'a thing in double quotes is found too');
    for (const thing of Object.values(OWNED_NAMES)) things.add(thing); // what a route answers for an id it cannot show
    for (const thing of things) assert.ok(THINGS_ZH[thing], `NotFoundError('${thing}') has a Chinese name`);
    assert.equal(messageInChinese(new NotFoundError('Alert rule', '01JABC').message), '告警规则 01JABC 不存在');
  });

  it('says each phrase a message names its subject with in Chinese', () => {
    const source = serverSource();
    const phrases = new Set([
      ...[...source.matchAll(/(?:assertMayChange|teamForNew)\([^;]*?'([^']+)'\)/g)].map((m) => m[1]!),
      ...[...source.matchAll(/'Choose the team (.+?) belongs to \(teamId\)'/g)].map((m) => m[1]!),
    ]);
    assert.ok(phrases.has('this alert rule') && phrases.has('the task'), 'the phrases are found in the code');
    for (const phrase of phrases) assert.ok(PHRASES_ZH[phrase], `"${phrase}" has a Chinese phrase`);
    assert.equal(messageInChinese('Changing alerts of this team needs the operator role in its team'), '修改告警静默需要所属团队的运维角色');
    assert.equal(messageInChinese('Choose the team an alert rule belongs to (teamId)'), '请选择告警规则所属的团队（teamId）');
  });

  it('keeps names, ids and Flink\'s own words, and leaves an unknown message as it is', () => {
    assert.equal(messageInChinese('Job 4df5 is FINISHED; only an active job can be cancelled'), '作业 4df5 处于 FINISHED 状态：只能取消仍在运行的作业');
    assert.equal(messageInChinese('A task named orders_totals already exists'), '已存在名为 orders_totals 的任务');
    assert.equal(messageInChinese('JobManager rejected POST /jobs/x/stop: java.lang.IllegalStateException: boom'), 'JobManager 拒绝了 POST /jobs/x/stop：java.lang.IllegalStateException: boom');
    assert.equal(messageInChinese('Something new went wrong'), 'Something new went wrong');
  });

  it('reads the caller\'s language from Accept-Language, by preference', () => {
    assert.equal(errorLanguageOf('zh-CN'), 'zh-CN');
    assert.equal(errorLanguageOf('zh-TW,zh;q=0.9'), 'zh-CN');
    assert.equal(errorLanguageOf('en-US,en;q=0.9,zh-CN;q=0.8'), 'en-US');
    assert.equal(errorLanguageOf('fr-FR, zh;q=0.5'), 'zh-CN', 'the first language Weir speaks');
    assert.equal(errorLanguageOf('zh-CN;q=0, en'), 'en-US', 'q=0 means not wanted');
    assert.equal(errorLanguageOf(undefined), 'en-US');
    assert.equal(errorLanguageOf('x'.repeat(100_000)), 'en-US', 'a huge header is cut, not parsed whole');
  });

  it('the error body carries the message in the caller\'s language, the code unchanged', async () => {
    const app = Fastify();
    registerErrorHandling(app, { spaFallback: false });
    app.get('/api/missing', async () => {
      throw new NotFoundError('Task', 't1');
    });
    app.get('/api/taken', async () => {
      throw new ConflictError('A cluster named prod already exists');
    });
    const zh = await app.inject({ url: '/api/missing', headers: { 'accept-language': 'zh-CN' } });
    assert.deepEqual([zh.statusCode, zh.json()], [404, { error: { code: 'NOT_FOUND', message: '任务 t1 不存在' } }]);
    const en = await app.inject({ url: '/api/missing', headers: { 'accept-language': 'en-US' } });
    assert.equal(en.json().error.message, 'Task t1 does not exist');
    assert.equal((await app.inject({ url: '/api/taken', headers: { 'accept-language': 'zh-CN' } })).json().error.message, '已存在名为 prod 的集群');
    assert.equal((await app.inject({ url: '/api/nothing', headers: { 'accept-language': 'zh-CN' } })).json().error.message, '没有这个接口：GET /api/nothing');
    await app.close();
  });
});
