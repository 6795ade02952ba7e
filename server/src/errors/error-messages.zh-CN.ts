// The server's error messages in Chinese. Messages are written in English where they are thrown,
// with names, ids and Flink's own words in them; this catalog rewrites the ones an operator meets
// into Chinese, keeping those parts as they are. A message it does not know goes out in English
// (the web app still says "无法{操作}{对象}：" around it). Each entry names the fragment of the code
// that writes it (`source`): error-messages.test.ts fails when that text changes in the code, so
// a reworded message is noticed instead of silently losing its translation.

export interface MessageTranslation {
  /** Matches the whole English message. */
  pattern: RegExp;
  /** The Chinese text, with $1… for the parts kept as they are. */
  zh: string;
  /** A fragment of the code that writes the message, found verbatim in server/src. */
  source: string;
  /** A message as the code writes it, to prove the pattern. */
  example: string;
}

/** What a NotFoundError names, in Chinese. */
export const THINGS_ZH: Record<string, string> = {
  Task: '任务',
  Run: '运行',
  Cluster: '集群',
  Team: '团队',
  'Team member': '团队成员',
  User: '用户',
  'API token': 'API 令牌',
  'Alert rule': '告警规则',
  'Alert channel': '告警渠道',
  'Alert silence': '告警静默',
  'Log capture': '日志快照',
  'Log capture part': '日志快照片段',
  Table: '表',
};

const named = (what: string, zh: string): MessageTranslation => ({
  pattern: new RegExp(`^A ${what} named (.+) already exists$`),
  zh: `已存在名为 $1 的${zh}`,
  source: `A ${what} named \${`,
  example: `A ${what} named orders already exists`,
});

export const MESSAGES_ZH: MessageTranslation[] = [
  named('task', '任务'),
  named('cluster', '集群'),
  named('team', '团队'),
  { pattern: /^An alert (rule|channel) named (.+) already exists$/, zh: '已存在名为 $2 的告警$1', source: 'An alert rule named ${', example: 'An alert rule named failures already exists' },
  { pattern: /^User (.+) already exists$/, zh: '用户 $1 已存在', source: 'User ${req.username} already exists', example: 'User alice already exists' },
  { pattern: /^No such team: (.+)$/, zh: '团队不存在：$1', source: 'No such team: ${', example: 'No such team: ops' },
  { pattern: /^No such user: (.+)$/, zh: '用户不存在：$1', source: 'No such user: ${', example: 'No such user: u1' },
  { pattern: /^Wrong username or password$/, zh: '用户名或密码错误', source: 'Wrong username or password', example: 'Wrong username or password' },
  { pattern: /^Too many failed logins; try again later$/, zh: '登录失败次数过多，请稍后再试', source: 'Too many failed logins; try again later', example: 'Too many failed logins; try again later' },
  { pattern: /^Your Weir account is disabled; ask an admin$/, zh: '你的 Weir 账号已停用，请联系管理员', source: 'Your Weir account is disabled; ask an admin', example: 'Your Weir account is disabled; ask an admin' },
  { pattern: /^The current password is wrong$/, zh: '当前密码不正确', source: 'The current password is wrong', example: 'The current password is wrong' },
  { pattern: /^You cannot demote or disable yourself; ask another admin$/, zh: '不能降低自己的角色或停用自己，请联系其他管理员', source: 'You cannot demote or disable yourself; ask another admin', example: 'You cannot demote or disable yourself; ask another admin' },
  { pattern: /^Log in first$/, zh: '请先登录', source: "message = 'Log in first'", example: 'Log in first' },
  { pattern: /^Invalid or revoked API token$/, zh: 'API 令牌无效或已吊销', source: 'Invalid or revoked API token', example: 'Invalid or revoked API token' },
  { pattern: /^Missing or wrong CSRF token \(x-csrf-token header\)$/, zh: 'CSRF 令牌缺失或不正确（x-csrf-token 请求头）', source: 'Missing or wrong CSRF token (x-csrf-token header)', example: 'Missing or wrong CSRF token (x-csrf-token header)' },
  { pattern: /^This needs the (\w+) role; you are (\w+)$/, zh: '此操作需要 $1 角色，你的角色是 $2', source: 'This needs the ${access} role; you are ${p.role}', example: 'This needs the operator role; you are viewer' },
  { pattern: /^Only a global admin removes teams$/, zh: '只有全局管理员可以删除团队', source: 'Only a global admin removes teams', example: 'Only a global admin removes teams' },
  { pattern: /^Only a global admin makes teams$/, zh: '只有全局管理员可以创建团队', source: 'Only a global admin makes teams', example: 'Only a global admin makes teams' },
  {
    pattern: /^Team (.+) still owns (\d+) task\(s\), cluster\(s\) or alert setting\(s\); move or remove them first$/,
    zh: '团队 $1 仍拥有 $2 个任务、集群或告警设置，请先移走或删除',
    source: 'still owns ${owned} task(s), cluster(s) or alert setting(s); move or remove them first',
    example: 'Team ops still owns 3 task(s), cluster(s) or alert setting(s); move or remove them first',
  },
  {
    pattern: /^Task (.+) is ONLINE: its SQL, jar, configuration and cluster cannot change while it runs; take it offline first$/,
    zh: '任务 $1 已上线：运行期间不能修改 SQL、Jar、配置和集群，请先下线',
    source: 'is ONLINE: its SQL, jar, configuration and cluster cannot change while it runs; take it offline first',
    example: 'Task orders is ONLINE: its SQL, jar, configuration and cluster cannot change while it runs; take it offline first',
  },
  { pattern: /^Task (.+) is ONLINE; take it offline before publishing a new version$/, zh: '任务 $1 已上线：请先下线再发布新版本', source: 'is ONLINE; take it offline before publishing a new version', example: 'Task orders is ONLINE; take it offline before publishing a new version' },
  { pattern: /^Task (.+) has no published version$/, zh: '任务 $1 没有已发布的版本', source: 'has no published version`', example: 'Task orders has no published version' },
  { pattern: /^Task (.+) has no SQL yet$/, zh: '任务 $1 还没有 SQL', source: 'has no SQL yet`', example: 'Task orders has no SQL yet' },
  { pattern: /^Task (.+) has no completed savepoint on record$/, zh: '任务 $1 没有已完成的 Savepoint 记录', source: 'has no completed savepoint on record', example: 'Task orders has no completed savepoint on record' },
  { pattern: /^Task (.+) is (\w+), not ONLINE$/, zh: '任务 $1 处于 $2 状态，未上线', source: 'is ${task.lifecycle}, not ONLINE', example: 'Task orders is PUBLISHED, not ONLINE' },
  { pattern: /^Job (\S+) is (\w+); only an active job can be cancelled$/, zh: '作业 $1 处于 $2 状态：只能取消仍在运行的作业', source: 'only an active job can be cancelled', example: 'Job abc is FINISHED; only an active job can be cancelled' },
  { pattern: /^Job (\S+) is (\w+); only a RUNNING job can be stopped with a savepoint$/, zh: '作业 $1 处于 $2 状态：只有 RUNNING 的作业才能带 Savepoint 停止', source: 'only a RUNNING job can be stopped with a savepoint', example: 'Job abc is FAILED; only a RUNNING job can be stopped with a savepoint' },
  { pattern: /^Job (\S+) is (\w+); a savepoint can only be taken of a RUNNING job$/, zh: '作业 $1 处于 $2 状态：只能为 RUNNING 的作业触发 Savepoint', source: 'a savepoint can only be taken of a RUNNING job', example: 'Job abc is CANCELED; a savepoint can only be taken of a RUNNING job' },
  { pattern: /^Job (\S+) is (\w+); only a RUNNING job can take a savepoint$/, zh: '作业 $1 处于 $2 状态：只能为 RUNNING 的作业触发 Savepoint', source: 'only a RUNNING job can take a savepoint', example: 'Job abc is RESTARTING; only a RUNNING job can take a savepoint' },
  { pattern: /^Job (\S+) is already (\w+)$/, zh: '作业 $1 已经是 $2 状态', source: 'is already ${state}`', example: 'Job abc is already CANCELED' },
  { pattern: /^The JobManager no longer lists job (\S+)$/, zh: 'JobManager 已不再列出作业 $1', source: 'The JobManager no longer lists job ${', example: 'The JobManager no longer lists job abc' },
  {
    pattern: /^Cluster (.+) belongs to another team; choose one of the task's team or a shared cluster$/,
    zh: '集群 $1 属于其他团队，请选择任务所属团队的集群或共享集群',
    source: "belongs to another team; choose one of the task's team or a shared cluster",
    example: "Cluster prod belongs to another team; choose one of the task's team or a shared cluster",
  },
  {
    pattern: /^Cluster (.+) has no SQL Gateway address; add one to the cluster to validate, browse or preview SQL$/,
    zh: '集群 $1 没有 SQL Gateway 地址，请为集群添加后再校验、浏览或预览 SQL',
    source: 'has no SQL Gateway address; add one to the cluster to validate, browse or preview SQL',
    example: 'Cluster prod has no SQL Gateway address; add one to the cluster to validate, browse or preview SQL',
  },
  { pattern: /^The savepoint strategy "path" needs a savepoint path$/, zh: 'Savepoint 策略 "path" 需要填写 Savepoint 路径', source: 'The savepoint strategy "path" needs a savepoint path', example: 'The savepoint strategy "path" needs a savepoint path' },
  { pattern: /^Jar (.+) does not exist; upload it with POST \/api\/jars first$/, zh: 'Jar $1 不存在，请先通过 POST /api/jars 上传', source: 'does not exist; upload it with POST /api/jars first', example: 'Jar j1 does not exist; upload it with POST /api/jars first' },
  { pattern: /^(.+) is not a \.jar file$/, zh: '$1 不是 .jar 文件', source: 'is not a .jar file', example: 'job.zip is not a .jar file' },
  {
    pattern: /^(.+) at (\S+) cannot be reached: no answer within (\d+) ms$/,
    zh: '无法连接 $2 上的 $1：$3 ms 内没有应答',
    source: 'cannot be reached: ${describeFetchError(',
    example: 'JobManager at http://127.0.0.1:8081 cannot be reached: no answer within 5000 ms',
  },
  { pattern: /^(.+) at (\S+) cannot be reached: connection refused$/, zh: '无法连接 $2 上的 $1：连接被拒绝', source: "return 'connection refused'", example: 'JobManager at http://127.0.0.1:8081 cannot be reached: connection refused' },
  { pattern: /^(.+) at (\S+) cannot be reached: host name not found$/, zh: '无法连接 $2 上的 $1：找不到主机名', source: "return 'host name not found'", example: 'SQL Gateway at http://flink:8083 cannot be reached: host name not found' },
  { pattern: /^(.+) at (\S+) cannot be reached: (.*)$/, zh: '无法连接 $2 上的 $1：$3', source: 'cannot be reached: ${describeFetchError(', example: 'JobManager at http://127.0.0.1:8081 cannot be reached: connection reset' },
  { pattern: /^(.+) rejected (GET|POST|PATCH|PUT|DELETE) (\S+): ([\s\S]*)$/, zh: '$1 拒绝了 $2 $3：$4', source: 'rejected ${req.method ?? ', example: 'JobManager rejected POST /jobs/abc/savepoints: Job not found' },
  { pattern: /^The script cannot be submitted: ([\s\S]*) \(line (\d+), column (\d+)\)$/, zh: '脚本无法提交：$1（第 $2 行，第 $3 列）', source: 'The script cannot be submitted: ${message} (line ${line}, column ${column})', example: 'The script cannot be submitted: Unknown table x (line 2, column 5)' },
  { pattern: /^Flink rejected the statement: ([\s\S]*)$/, zh: 'Flink 拒绝了该语句：$1', source: 'Flink rejected the statement: ${', example: 'Flink rejected the statement: Object x not found' },
  { pattern: /^Invalid request: ([\s\S]*)$/, zh: '请求无效：$1', source: 'Invalid request: ${summary}', example: 'Invalid request: body/name: Too small' },
  { pattern: /^Internal error; see the server log$/, zh: '内部错误，详见服务器日志', source: 'Internal error; see the server log', example: 'Internal error; see the server log' },
  { pattern: /^The server produced an invalid response$/, zh: '服务器返回了无效的应答', source: 'The server produced an invalid response', example: 'The server produced an invalid response' },
  { pattern: /^No route (\S+) (\S+)$/, zh: '没有这个接口：$1 $2', source: 'No route ${request.method}', example: 'No route GET /api/nothing' },
  { pattern: /^The request body is larger than the (\d+) bytes this operation accepts$/, zh: '请求体超过了此操作允许的 $1 字节', source: 'The request body is larger than the ${limit} bytes this operation accepts', example: 'The request body is larger than the 1048576 bytes this operation accepts' },
];

/** The message in Chinese when the catalog knows it; else as it was. */
export function messageInChinese(message: string): string {
  const notFound = /^(.+?) (\S+) does not exist$/.exec(message);
  if (notFound && THINGS_ZH[notFound[1]!]) return `${THINGS_ZH[notFound[1]!]} ${notFound[2]} 不存在`;
  for (const entry of MESSAGES_ZH) if (entry.pattern.test(message)) return message.replace(entry.pattern, entry.zh);
  return message;
}
