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
  /**
   * The parts ($n) that are Weir's own words, said in Chinese too: a message of this catalog quoted
   * inside another, a role, or a phrase of PHRASES_ZH. The other parts are names, ids and Flink's words.
   */
  translate?: Record<number, 'message' | 'role' | 'phrase'>;
}

/** Weir's roles as the web app names them in Chinese. */
export const ROLES_ZH: Record<string, string> = { admin: '管理员', operator: '运维', viewer: '只读' };

/** The phrases a message names what it is about with (`Choose the team ${what} belongs to`). */
export const PHRASES_ZH: Record<string, string> = {
  'the task': '任务',
  'an alert channel': '告警渠道',
  'this alert channel': '告警渠道',
  'an alert rule': '告警规则',
  'this alert rule': '告警规则',
  'the silence': '告警静默',
  'this silence': '告警静默',
  'alerts of this team': '告警静默', // said when making a silence
};

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
  Silence: '告警静默',
  'YARN application': 'YARN 应用',
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
  { pattern: /^A push needs the cluster's push token \(GET \/api\/clusters\/:id\/push-token\)$/, zh: '推送需要该集群的推送令牌（GET /api/clusters/:id/push-token）', source: "A push needs the cluster's push token", example: "A push needs the cluster's push token (GET /api/clusters/:id/push-token)" },
  { pattern: /^Invalid or revoked API token$/, zh: 'API 令牌无效或已吊销', source: 'Invalid or revoked API token', example: 'Invalid or revoked API token' },
  { pattern: /^Missing or wrong CSRF token \(x-csrf-token header\)$/, zh: 'CSRF 令牌缺失或不正确（x-csrf-token 请求头）', source: 'Missing or wrong CSRF token (x-csrf-token header)', example: 'Missing or wrong CSRF token (x-csrf-token header)' },
  { pattern: /^This needs the (\w+) role; you are (\w+)$/, zh: '此操作需要$1角色，你的角色是$2', source: 'This needs the ${access} role; you are ${p.role}', example: 'This needs the operator role; you are viewer', translate: { 1: 'role', 2: 'role' } },
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
  // YARN targets (yarn/yarn-target-check.ts, clusters.service.ts, deployment/deployment-targets.ts); above the
  // general HTTP messages, as one of them quotes such a message
  {
    pattern: /^There is no readable yarn-site\.xml in (.+): Flink's YARN client reads the ResourceManager's address from it$/,
    zh: '$1 中没有可读的 yarn-site.xml：Flink 的 YARN 客户端从中读取 ResourceManager 的地址',
    source: "Flink's YARN client reads the ResourceManager's address from it",
    example: "There is no readable yarn-site.xml in /etc/hadoop/conf: Flink's YARN client reads the ResourceManager's address from it",
  },
  {
    pattern: /^The yarn-site\.xml in (.+) is larger than (\d+) MB, far more than a Hadoop configuration file holds$/,
    zh: '$1 中的 yarn-site.xml 超过 $2 MB，远大于 Hadoop 配置文件应有的大小',
    source: 'far more than a Hadoop configuration file holds',
    example: 'The yarn-site.xml in /etc/hadoop/conf is larger than 1 MB, far more than a Hadoop configuration file holds',
  },
  {
    pattern: /^The yarn-site\.xml in (.+) is not a Hadoop configuration file Weir reads: it ([\s\S]*)$/,
    zh: '$1 中的 yarn-site.xml 不是 Weir 能读取的 Hadoop 配置文件：它$2',
    source: 'is not a Hadoop configuration file Weir reads: it',
    example: 'The yarn-site.xml in /etc/hadoop/conf is not a Hadoop configuration file Weir reads: it declares a DTD or entities, which a Hadoop configuration file does not need',
  },
  {
    pattern: /^The yarn-site\.xml in (.+) names the ResourceManager at (.+), another one than at (\S+): Flink would deploy to one while Weir watches the other$/,
    zh: '$1 中的 yarn-site.xml 指向 $2 上的 ResourceManager，与 $3 上的不是同一个：Flink 会部署到其中一个，而 Weir 监控的是另一个',
    source: 'Flink would deploy to one while Weir watches the other',
    example: 'The yarn-site.xml in /etc/hadoop/conf names the ResourceManager at rm2:8088, another one than at http://rm1:8088: Flink would deploy to one while Weir watches the other',
  },
  { pattern: /^The YARN ResourceManager at (\S+) has not started \(state (\S+)\)$/, zh: '$1 上的 YARN ResourceManager 尚未启动（状态 $2）', source: 'has not started (state ${info.state})', example: 'The YARN ResourceManager at http://rm:8088 has not started (state INITED)' },
  {
    pattern: /^The YARN ResourceManager at (\S+) has no queue (\S+); its queues: (.*)$/,
    zh: '$1 上的 YARN ResourceManager 没有队列 $2；已有的队列：$3',
    source: 'has no queue ${target.queue}; its queues: ${known}',
    example: 'The YARN ResourceManager at http://rm:8088 has no queue etl; its queues: default, root, root.default',
  },
  {
    pattern: /^The address (\S+) does not answer as a YARN ResourceManager: ([\s\S]*)$/,
    zh: '地址 $1 的应答不像 YARN ResourceManager：$2',
    source: 'does not answer as a YARN ResourceManager: ${err.message}',
    example: 'The address http://jm:8081 does not answer as a YARN ResourceManager: YARN ResourceManager at http://jm:8081 answered /ws/v1/cluster/info with HTTP 404, not as Flink would',
    translate: { 2: 'message' },
  },
  { pattern: /^Cluster (.+) is a session cluster: it has no YARN settings$/, zh: '集群 $1 是会话集群，没有 YARN 设置', source: 'is a session cluster: it has no YARN settings', example: 'Cluster prod is a session cluster: it has no YARN settings' },
  {
    pattern: /^Cluster (.+) is a YARN target: it has no SQL Gateway, HistoryServer or credentials$/,
    zh: '集群 $1 是 YARN 部署目标，没有 SQL Gateway、HistoryServer 或凭据',
    source: 'is a YARN target: it has no SQL Gateway, HistoryServer or credentials',
    example: 'Cluster yarn-prod is a YARN target: it has no SQL Gateway, HistoryServer or credentials',
  },
  {
    pattern: /^The script is too large to deploy to YARN: a statement may take up to (\d+) KiB and the whole script up to (\d+) KiB$/,
    zh: '脚本太大，无法部署到 YARN：单条语句最多 $1 KiB，整个脚本最多 $2 KiB',
    source: 'The script is too large to deploy to YARN: a statement may take up to',
    example: 'The script is too large to deploy to YARN: a statement may take up to 95 KiB and the whole script up to 768 KiB',
  },
  // YARN sessions Weir starts and stops (clusters/yarn-sessions.service.ts, yarn/flink-yarn-cli.ts, deployment/).
  {
    pattern: /^A YARN session needs 1-64 slots per TaskManager, a JobManager of 768-65536 MB and TaskManagers of 1024-262144 MB, not (\S+) slots, (\S+) MB and (\S+) MB$/,
    zh: 'YARN 会话需要每个 TaskManager 1-64 个槽位、768-65536 MB 的 JobManager 和 1024-262144 MB 的 TaskManager，而不是 $1 个槽位、$2 MB 和 $3 MB',
    source: 'A YARN session needs 1-64 slots per TaskManager',
    example: 'A YARN session needs 1-64 slots per TaskManager, a JobManager of 768-65536 MB and TaskManagers of 1024-262144 MB, not 0 slots, 1024 MB and 1024 MB',
  },
  { pattern: /^Cluster (.+) is not a YARN target: a YARN session starts on a YARN entry$/, zh: '集群 $1 不是 YARN 部署目标：YARN 会话只能在 YARN 条目上启动', source: 'is not a YARN target: a YARN session starts on a YARN entry', example: 'Cluster prod is not a YARN target: a YARN session starts on a YARN entry' },
  {
    pattern: /^The YARN session did not start: ([\s\S]*)$/,
    zh: 'YARN 会话未能启动：$1',
    source: 'The YARN session did not start: ${message}',
    example: 'The YARN session did not start: YARN ResourceManager at http://rm:8088 is STOPPED, not STARTED',
    translate: { 1: 'message' },
  },
  { pattern: /^Weir stopped before the YARN session reached YARN$/, zh: 'YARN 会话到达 YARN 之前 Weir 已停止', source: "SESSION_NEVER_REACHED_YARN = 'Weir stopped before the YARN session reached YARN'", example: 'Weir stopped before the YARN session reached YARN' },
  {
    pattern: /^YARN ended the session without Weir: ([\s\S]*)$/,
    zh: 'YARN 在 Weir 之外结束了该会话：$1',
    source: 'YARN ended the session without Weir: ${',
    example: 'YARN ended the session without Weir: application application_1_0007 KILLED (final status KILLED): Application killed by user.',
  },
  { pattern: /^Cluster (.+) is not a YARN session Weir started$/, zh: '集群 $1 不是 Weir 启动的 YARN 会话', source: 'is not a YARN session Weir started', example: 'Cluster prod is not a YARN session Weir started' },
  { pattern: /^The YARN session (.+) is (\w+); only a RUNNING session can be stopped$/, zh: 'YARN 会话 $1 处于 $2 状态；只有 RUNNING 的会话可以停止', source: '; only a RUNNING session can be stopped', example: 'The YARN session shared is STARTING; only a RUNNING session can be stopped' },
  { pattern: /^The YARN session (.+) is no longer RUNNING$/, zh: 'YARN 会话 $1 已不再处于 RUNNING 状态', source: 'is no longer RUNNING`', example: 'The YARN session shared is no longer RUNNING' },
  {
    pattern: /^The YARN session (.+) still runs (\d+) of Weir's jobs \(([\s\S]*)\); cancel them first, or stop it with force to cancel them$/,
    zh: 'YARN 会话 $1 上仍有 $2 个 Weir 的作业在运行（$3）；请先取消它们，或强制停止以取消它们',
    source: "of Weir's jobs (${runs.map",
    example: "The YARN session shared still runs 2 of Weir's jobs (orders 0123abcd, clicks 4567ef01); cancel them first, or stop it with force to cancel them",
  },
  { pattern: /^The YARN session (.+) is (\w+); stop it before removing its entry$/, zh: 'YARN 会话 $1 处于 $2 状态；请先停止它再删除其条目', source: '; stop it before removing its entry', example: 'The YARN session shared is RUNNING; stop it before removing its entry' },
  { pattern: /^The YARN session (.+) is (\w+); jobs are submitted to a RUNNING session only$/, zh: 'YARN 会话 $1 处于 $2 状态；作业只能提交到 RUNNING 的会话', source: '; jobs are submitted to a RUNNING session only', example: 'The YARN session shared is STOPPED; jobs are submitted to a RUNNING session only' },
  {
    pattern: /^The JobManager of job (\S+) stopped answering and no end of the job was recorded within (\d+) s$/,
    zh: '作业 $1 的 JobManager 已不再应答，且 $2 秒内没有记录到作业结束',
    source: 'stopped answering and no end of the job was recorded within',
    example: 'The JobManager of job 0123456789abcdef0123456789abcdef stopped answering and no end of the job was recorded within 60 s',
  },
  {
    pattern: /^Job (\S+) on YARN target (.+) has no JobManager yet: YARN has not reported its application running$/,
    zh: 'YARN 部署目标 $2 上的作业 $1 还没有 JobManager：YARN 尚未报告其应用在运行',
    source: 'has no JobManager yet: YARN has not reported its application running',
    example: 'Job 0123456789abcdef0123456789abcdef on YARN target yarn-prod has no JobManager yet: YARN has not reported its application running',
  },
  {
    pattern: /^Cluster (.+) is a YARN target; this Weir is not set up to deploy to YARN$/,
    zh: '集群 $1 是 YARN 部署目标；此 Weir 未配置向 YARN 部署',
    source: 'is a YARN target; this Weir is not set up to deploy to YARN',
    example: 'Cluster yarn-prod is a YARN target; this Weir is not set up to deploy to YARN',
  },
  {
    pattern: /^No java on PATH: Weir runs Flink's own client to deploy to YARN; set JAVA_HOME$/,
    zh: 'PATH 中没有 java：Weir 通过 Flink 自带的客户端向 YARN 部署；请设置 JAVA_HOME',
    source: "No java on PATH: Weir runs Flink's own client to deploy to YARN; set JAVA_HOME",
    example: "No java on PATH: Weir runs Flink's own client to deploy to YARN; set JAVA_HOME",
  },
  // Publishing when the script cannot be validated; above the general "cannot be reached", as it quotes one
  {
    pattern: /^Cluster (.+) has no SQL Gateway address to validate the script with\. Publish it unvalidated to publish it anyway\.$/,
    zh: '集群 $1 没有 SQL Gateway 地址，无法校验脚本。如仍要发布，请选择“不校验直接发布”。',
    source: 'has no SQL Gateway address to validate the script with`',
    example: 'Cluster prod has no SQL Gateway address to validate the script with. Publish it unvalidated to publish it anyway.',
  },
  {
    pattern: /^The SQL Gateway of cluster (.+) cannot be reached to validate the script: ([\s\S]*)\. Publish it unvalidated to publish it anyway\.$/,
    zh: '无法连接集群 $1 的 SQL Gateway 来校验脚本：$2。如仍要发布，请选择“不校验直接发布”。',
    source: 'cannot be reached to validate the script: ${err.message}',
    example: 'The SQL Gateway of cluster prod cannot be reached to validate the script: SQL Gateway at http://flink:8083 cannot be reached: connection refused. Publish it unvalidated to publish it anyway.',
    translate: { 2: 'message' },
  },
  {
    pattern: /^(.+) at (\S+) cannot be reached: no answer within (\d+) ms$/,
    zh: '无法连接 $2 上的 $1：$3 ms 内没有应答',
    source: 'cannot be reached: ${describeFetchError(',
    example: 'JobManager at http://127.0.0.1:8081 cannot be reached: no answer within 5000 ms',
  },
  { pattern: /^(.+) at (\S+) cannot be reached: connection refused$/, zh: '无法连接 $2 上的 $1：连接被拒绝', source: "return 'connection refused'", example: 'JobManager at http://127.0.0.1:8081 cannot be reached: connection refused' },
  { pattern: /^(.+) at (\S+) cannot be reached: host name not found$/, zh: '无法连接 $2 上的 $1：找不到主机名', source: "return 'host name not found'", example: 'SQL Gateway at http://flink:8083 cannot be reached: host name not found' },
  { pattern: /^(.+) at (\S+) cannot be reached: (.*)$/, zh: '无法连接 $2 上的 $1：$3', source: 'cannot be reached: ${describeFetchError(', example: 'JobManager at http://127.0.0.1:8081 cannot be reached: connection reset' },
  // An address that answers, but not as Flink: met when registering a cluster with a wrong address or port
  { pattern: /^(.+) at (\S+) answered (\S+) with HTTP (\S+), not as Flink would$/, zh: '$2 上的 $1 对 $3 返回了 HTTP $4，不像 Flink 的应答', source: 'not as Flink would`', example: 'JobManager at http://127.0.0.1:8081 answered /overview with HTTP 404, not as Flink would' },
  { pattern: /^(.+) at (\S+) answered (\S+) with something that is not JSON$/, zh: '$2 上的 $1 对 $3 的应答不是 JSON', source: 'with something that is not JSON`', example: 'JobManager at http://127.0.0.1:8081 answered /overview with something that is not JSON' },
  { pattern: /^(.+) at (\S+) answered (\S+) in an unexpected shape: ([\s\S]*)$/, zh: '$2 上的 $1 对 $3 的应答格式不符合预期：$4', source: 'in an unexpected shape: ${', example: 'JobManager at http://127.0.0.1:8081 answered /overview in an unexpected shape: taskmanagers: expected number' },
  { pattern: /^(\S+) is not a Flink SQL Gateway$/, zh: '$1 不是 Flink SQL Gateway', source: 'is not a Flink SQL Gateway`', example: 'http://127.0.0.1:8083 is not a Flink SQL Gateway' },
  { pattern: /^The SQL Gateway did not finish the statement within (\d+) ms$/, zh: 'SQL Gateway 未在 $1 ms 内执行完该语句', source: 'The SQL Gateway did not finish the statement within ${', example: 'The SQL Gateway did not finish the statement within 120000 ms' },
  { pattern: /^(.+) rejected (GET|POST|PATCH|PUT|DELETE) (\S+): ([\s\S]*)$/, zh: '$1 拒绝了 $2 $3：$4', source: 'rejected ${req.method ?? ', example: 'JobManager rejected POST /jobs/abc/savepoints: Job not found' },
  { pattern: /^The script cannot be submitted: ([\s\S]*) \(line (\d+), column (\d+)\)$/, zh: '脚本无法提交：$1（第 $2 行，第 $3 列）', source: 'The script cannot be submitted: ${message} (line ${line}, column ${column})', example: 'The script cannot be submitted: Unknown table x (line 2, column 5)' },
  { pattern: /^Flink rejected the script: ([\s\S]*)$/, zh: 'Flink 拒绝了脚本：$1', source: 'Flink rejected the script: ${sqlRunnerFailureText(failure)}', example: "Flink rejected the script: A statement failed: Object 'x' not found" },
  { pattern: /^Flink rejected statement (\d+) \(line (\d+), column (\d+)\): ([\s\S]*)$/, zh: 'Flink 拒绝了第 $1 条语句（第 $2 行，第 $3 列）：$4', source: 'Flink rejected statement ${at.statementIndex + 1} (line ${at.line}', example: 'Flink rejected statement 2 (line 3, column 7): Object x not found' },
  {
    pattern: /^The SQL Gateway started job (\S+) instead of (\S+); is (\S+) supported by this Flink version\?$/,
    zh: 'SQL Gateway 启动了作业 $1，而不是 $2；此 Flink 版本是否支持 $3？',
    source: 'supported by this Flink version?`',
    example: 'The SQL Gateway started job abc instead of def; is $internal.pipeline.job-id supported by this Flink version?',
  },
  { pattern: /^Flink rejected the statement: ([\s\S]*)$/, zh: 'Flink 拒绝了该语句：$1', source: 'Flink rejected the statement: ${', example: 'Flink rejected the statement: Object x not found' },
  // Operations on jobs
  { pattern: /^Job (\S+) was not submitted by Weir, so Weir cannot start it again; stop or cancel it instead$/, zh: '作业 $1 不是由 Weir 提交的，Weir 无法重新启动它；请改为停止或取消', source: 'was not submitted by Weir, so Weir cannot start it again; stop or cancel it instead', example: 'Job abc was not submitted by Weir, so Weir cannot start it again; stop or cancel it instead' },
  { pattern: /^Restarting from a savepoint needs savepointPath$/, zh: '从 Savepoint 重启需要填写 savepointPath', source: 'Restarting from a savepoint needs savepointPath', example: 'Restarting from a savepoint needs savepointPath' },
  { pattern: /^The version job (\S+) ran no longer exists$/, zh: '作业 $1 运行的版本已不存在', source: 'ran no longer exists`', example: 'The version job abc ran no longer exists' },
  { pattern: /^Job (\S+) has no completed checkpoint that Flink still reports; restart from a savepoint instead$/, zh: '作业 $1 没有 Flink 仍在报告的已完成 Checkpoint，请改为从 Savepoint 重启', source: 'has no completed checkpoint that Flink still reports; restart from a savepoint instead', example: 'Job abc has no completed checkpoint that Flink still reports; restart from a savepoint instead' },
  { pattern: /^Job (\S+) ran on YARN without a checkpoint folder \(execution\.checkpointing\.dir\), so its checkpoints ended with its application; restart from a savepoint instead$/, zh: '作业 $1 在 YARN 上运行时未设置 Checkpoint 目录（execution.checkpointing.dir），其 Checkpoint 已随应用结束，请改为从 Savepoint 重启', source: 'so its checkpoints ended with its application; restart from a savepoint instead', example: 'Job abc ran on YARN without a checkpoint folder (execution.checkpointing.dir), so its checkpoints ended with its application; restart from a savepoint instead' },
  { pattern: /^The JobManager of job (\S+) has ended with its YARN application, and its checkpoint folder (.+) is not on Weir's disk; restart from a savepoint instead$/, zh: '作业 $1 的 JobManager 已随其 YARN 应用结束，且其 Checkpoint 目录 $2 不在 Weir 所在机器的磁盘上，请改为从 Savepoint 重启', source: "is not on Weir's disk; restart from a savepoint instead", example: "The JobManager of job abc has ended with its YARN application, and its checkpoint folder hdfs:///flink/checkpoints is not on Weir's disk; restart from a savepoint instead" },
  { pattern: /^The JobManager no longer knows job (\S+) \(last recorded status (\w+)\); there is nothing to act on$/, zh: 'JobManager 已不再知道作业 $1（最后记录的状态为 $2），无可操作', source: '(last recorded status ${run.status}); there is nothing to act on', example: 'The JobManager no longer knows job abc (last recorded status RUNNING); there is nothing to act on' },
  { pattern: /^Task (.+) already has job (\S+) in status (\w+); take it offline first$/, zh: '任务 $1 已有处于 $3 状态的作业 $2，请先下线', source: 'in status ${state}; take it offline first', example: 'Task orders already has job abc in status RUNNING; take it offline first' },
  { pattern: /^Task (.+) already runs a newer job (\S+) \((\w+)\); restart that one instead$/, zh: '任务 $1 已在运行更新的作业 $2（$3），请改为重启那个作业', source: 'restart that one instead`', example: 'Task orders already runs a newer job abc (RUNNING); restart that one instead' },
  { pattern: /^Task (.+) was discovered on its cluster; Weir cannot submit it$/, zh: '任务 $1 是在集群上发现的，Weir 无法提交它', source: 'was discovered on its cluster; Weir cannot submit it', example: 'Task orders was discovered on its cluster; Weir cannot submit it' },
  { pattern: /^This needs the operator role in the task's team$/, zh: '此操作需要任务所属团队的运维角色', source: "This needs the operator role in the task's team", example: "This needs the operator role in the task's team" },
  { pattern: /^The version has no jar$/, zh: '该版本没有 Jar', source: "'The version has no jar'", example: 'The version has no jar' },
  { pattern: /^Jar (\S+) is no longer stored in Weir; upload it again and publish a new version$/, zh: 'Weir 中已不再保存 Jar $1，请重新上传并发布新版本', source: 'is no longer stored in Weir; upload it again and publish a new version', example: 'Jar j1 is no longer stored in Weir; upload it again and publish a new version' },
  { pattern: /^Savepoint (\S+) of task (.+) was disposed of on (\S+) by (.+); restore from another one$/, zh: '任务 $2 的 Savepoint $1 已于 $3 被 $4 删除，请从其他 Savepoint 恢复', source: '; restore from another one`', example: 'Savepoint file:///sp/1 of task orders was disposed of on 2026-12-06T20:00:00.000Z by alice; restore from another one' },
  { pattern: /^Savepoint (\S+) of task (.+) is gone: its folder is no longer on disk; restore from another one$/, zh: '任务 $2 的 Savepoint $1 已不存在：其目录已不在磁盘上，请从其他 Savepoint 恢复', source: 'is gone: its folder is no longer on disk; restore from another one', example: 'Savepoint file:///sp/1 of task orders is gone: its folder is no longer on disk; restore from another one' },
  { pattern: /^Job (\S+) is RUNNING but (\d+) of its (\S+) tasks are still starting; try again once they run$/, zh: '作业 $1 处于 RUNNING 状态，但其 $3 个子任务中仍有 $2 个在启动，请在它们运行后重试', source: 'tasks are still starting; try again once they run', example: 'Job abc is RUNNING but 2 of its 4 tasks are still starting; try again once they run' },
  { pattern: /^Flink could not take the savepoint of job (\S+): ([\s\S]*)$/, zh: 'Flink 无法为作业 $1 触发 Savepoint：$2', source: 'Flink could not take the savepoint of job ${', example: 'Flink could not take the savepoint of job abc: java.io.IOException: disk full' },
  { pattern: /^The savepoint of job (\S+) did not complete: No result within (\d+) s$/, zh: '作业 $1 的 Savepoint 未完成：$2 秒内没有结果', source: 'No result within ${Math.round(this.settings.savepointTimeoutMs', example: 'The savepoint of job abc did not complete: No result within 60 s' },
  { pattern: /^The savepoint of job (\S+) did not complete: ([\s\S]*)$/, zh: '作业 $1 的 Savepoint 未完成：$2', source: 'did not complete: ${failure}', example: 'The savepoint of job abc did not complete: Checkpoint expired' },
  { pattern: /^Job (\S+) is still (\w+) after (\d+) s$/, zh: '作业 $1 在 $3 秒后仍处于 $2 状态', source: ' after ${Math.round(this.settings.terminalTimeoutMs / 1000)} s`', example: 'Job abc is still CANCELLING after 60 s' },
  { pattern: /^YARN ResourceManager at (\S+) is (\w+), not STARTED$/, zh: '$1 上的 YARN ResourceManager 处于 $2 状态，而不是 STARTED', source: 'is ${info.state}, not STARTED`', example: 'YARN ResourceManager at http://rm:8088 is STOPPED, not STARTED' },
  { pattern: /^Flink's CLI did not finish deploying (.+) to YARN within (\d+) s$/, zh: 'Flink CLI 未能在 $2 秒内完成 $1 到 YARN 的部署', source: "Flink's CLI did not finish deploying ${spec.name} to YARN within ${", example: "Flink's CLI did not finish deploying orders to YARN within 300 s" },
  { pattern: /^Flink's CLI could not deploy (.+) to YARN \(exit code (-?\d+)\):\n([\s\S]*)$/, zh: 'Flink CLI 无法将 $1 部署到 YARN（退出码 $2）：\n$3', source: "Flink's CLI could not deploy ${spec.name} to YARN (exit code ${run.code}):", example: "Flink's CLI could not deploy orders to YARN (exit code 1):\norg.apache.flink.client.deployment.ClusterDeploymentException: boom" },
  // Tasks
  { pattern: /^Send the jar as multipart\/form-data in the field `jarfile`$/, zh: '请以 multipart/form-data 格式在 `jarfile` 字段中发送 Jar', source: 'Send the jar as multipart/form-data in the field `jarfile`', example: 'Send the jar as multipart/form-data in the field `jarfile`' },
  { pattern: /^The multipart body could not be read$/, zh: '无法读取 multipart 请求体', source: 'The multipart body could not be read', example: 'The multipart body could not be read' },
  { pattern: /^The multipart body has no file in the field `jarfile`$/, zh: 'multipart 请求体的 `jarfile` 字段中没有文件', source: 'The multipart body has no file in the field `jarfile`', example: 'The multipart body has no file in the field `jarfile`' },
  { pattern: /^A SQL task has no jar; give its script as `sql`$/, zh: 'SQL 任务没有 Jar，请用 `sql` 提供脚本', source: 'A SQL task has no jar; give its script as `sql`', example: 'A SQL task has no jar; give its script as `sql`' },
  { pattern: /^A jar task has no SQL; give its jar as `jar`$/, zh: 'Jar 任务没有 SQL，请用 `jar` 提供 Jar', source: 'A jar task has no SQL; give its jar as `jar`', example: 'A jar task has no SQL; give its jar as `jar`' },
  { pattern: /^Making a task in a team needs the operator role there$/, zh: '在团队中创建任务需要该团队的 operator 角色', source: 'Making a task in a team needs the operator role there', example: 'Making a task in a team needs the operator role there' },
  { pattern: /^Choose the team (.+) belongs to \(teamId\)$/, zh: '请选择$1所属的团队（teamId）', source: 'belongs to (teamId)', example: 'Choose the team the task belongs to (teamId)', translate: { 1: 'phrase' } },
  { pattern: /^Task (.+) is a (\w+) task; it has no (SQL|jar)$/, zh: '任务 $1 是 $2 任务，没有 $3', source: 'task; it has no SQL`', example: 'Task orders is a JAR task; it has no SQL' },
  { pattern: /^Task (.+) was discovered on its cluster, not submitted by Weir; only its name, owner and description can change$/, zh: '任务 $1 是在集群上发现的，并非由 Weir 提交；只能修改其名称、负责人和描述', source: 'not submitted by Weir; only its name, owner and description can change', example: 'Task orders was discovered on its cluster, not submitted by Weir; only its name, owner and description can change' },
  { pattern: /^Task (.+) has a job in status (\w+); stop it \(take the task offline\) before deleting the task$/, zh: '任务 $1 有处于 $2 状态的作业，请先停止（下线任务）再删除任务', source: 'stop it (take the task offline) before deleting the task', example: 'Task orders has a job in status RUNNING; stop it (take the task offline) before deleting the task' },
  { pattern: /^Task (.+) was discovered on its cluster; only tasks written in Weir can be published$/, zh: '任务 $1 是在集群上发现的，只有在 Weir 中编写的任务才能发布', source: 'only tasks written in Weir can be published', example: 'Task orders was discovered on its cluster; only tasks written in Weir can be published' },
  { pattern: /^Version (\d+) of (.+) already has this content and configuration; change the draft first$/, zh: '$2 的版本 $1 已包含相同的内容和配置，请先修改草稿', source: 'already has this content and configuration; change the draft first', example: 'Version 3 of orders already has this content and configuration; change the draft first' },
  { pattern: /^Task (.+) has no jar yet; upload one with POST \/api\/jars$/, zh: '任务 $1 还没有 Jar，请通过 POST /api/jars 上传', source: 'has no jar yet; upload one with POST /api/jars', example: 'Task orders has no jar yet; upload one with POST /api/jars' },
  { pattern: /^(.+) is not a jar \(zip\) archive$/, zh: '$1 不是 Jar（zip）归档', source: 'is not a jar (zip) archive', example: 'job.jar is not a jar (zip) archive' },
  // SQL
  { pattern: /^Flink rejects statement (\d+) of the script \(line (\d+), column (\d+)\): ([\s\S]*)$/, zh: 'Flink 拒绝了脚本的第 $1 条语句（第 $2 行，第 $3 列）：$4', source: 'of the script (line ${problem.line}, column ${problem.column}): ${problem.message}', example: 'Flink rejects statement 2 of the script (line 3, column 7): Object x not found' },
  { pattern: /^Flink rejects statement (\d+) \(line (\d+), column (\d+)\): ([\s\S]*)$/, zh: 'Flink 拒绝了第 $1 条语句（第 $2 行，第 $3 列）：$4', source: 'Flink rejects statement ${at.statementIndex + 1} (line ${at.line}', example: 'Flink rejects statement 1 (line 1, column 15): Object x not found' },
  { pattern: /^Flink rejects the query \(line (\d+), column (\d+)\): ([\s\S]*)$/, zh: 'Flink 拒绝了该查询（第 $1 行，第 $2 列）：$3', source: 'Flink rejects the query (line ${at.line}, column ${at.column}): ${message}', example: 'Flink rejects the query (line 1, column 15): Object x not found' },
  { pattern: /^Task (.+) is not a FlinkSQL task$/, zh: '任务 $1 不是 FlinkSQL 任务', source: 'is not a FlinkSQL task`', example: 'Task orders is not a FlinkSQL task' },
  { pattern: /^The query cannot be read: ([\s\S]*) \(line (\d+), column (\d+)\)$/, zh: '无法解析该查询：$1（第 $2 行，第 $3 列）', source: 'The query cannot be read: ${problems[0].message}', example: 'The query cannot be read: unexpected token (line 1, column 3)' },
  { pattern: /^A preview runs exactly one SELECT \(or WITH … SELECT, VALUES\) statement$/, zh: '预览只运行一条 SELECT（或 WITH … SELECT、VALUES）语句', source: 'A preview runs exactly one SELECT (or WITH … SELECT, VALUES) statement', example: 'A preview runs exactly one SELECT (or WITH … SELECT, VALUES) statement' },
  { pattern: /^At most (\d+) previews per user or token run at once; stop one, or wait for it to end$/, zh: '每个用户或令牌最多同时运行 $1 个预览，请停止一个或等待其结束', source: 'previews per user or token run at once; stop one, or wait for it to end', example: 'At most 2 previews per user or token run at once; stop one, or wait for it to end' },
  { pattern: /^At most (\d+) previews run at once on cluster (.+); try again when one has ended$/, zh: '集群 $2 最多同时运行 $1 个预览，请在其中一个结束后重试', source: 'try again when one has ended`', example: 'At most 4 previews run at once on cluster prod; try again when one has ended' },
  // Alerts
  { pattern: /^A (\w+) channel cannot become a (\w+) channel; create a new one$/, zh: '$1 渠道不能改为 $2 渠道，请新建一个', source: 'channel; create a new one`', example: 'A webhook channel cannot become a email channel; create a new one' },
  { pattern: /^A channel cannot move to another team; create a new one there$/, zh: '渠道不能移到其他团队，请在该团队新建一个', source: 'A channel cannot move to another team; create a new one there', example: 'A channel cannot move to another team; create a new one there' },
  { pattern: /^(endsAt|expiresAt) must be in the future$/, zh: '$1 必须是将来的时间', source: "'endsAt must be in the future'", example: 'endsAt must be in the future' },
  { pattern: /^Alert silence (\S+) has already ended$/, zh: '告警静默 $1 已经结束', source: 'has already ended`', example: 'Alert silence s1 has already ended' },
  { pattern: /^Alert rule (.+) and task (.+) belong to different teams: the rule never alerts about the task$/, zh: '告警规则 $1 与任务 $2 属于不同团队：该规则永远不会对该任务告警', source: 'belong to different teams: the rule never alerts about the task', example: 'Alert rule failures and task orders belong to different teams: the rule never alerts about the task' },
  { pattern: /^A silence of a task or a team's rule belongs to that team; leave teamId out$/, zh: '任务或团队规则的静默属于该团队，请不要填写 teamId', source: "belongs to that team; leave teamId out", example: "A silence of a task or a team's rule belongs to that team; leave teamId out" },
  { pattern: /^config\.(\w+) is required for a (\w+) channel$/, zh: '$2 渠道必须填写 config.$1', source: 'is required for a ${type} channel', example: 'config.url is required for a webhook channel' },
  {
    pattern: /^(\S+) must be entered again: the stored secret was entered for (.+), and this change would send it to (\S+)\. Send it again with the new address, or remove it\.$/,
    zh: '需要重新填写 $1：已保存的密钥是为 $2 填写的，此修改会把它发送到 $3。请连同新地址重新填写，或将其删除。',
    source: 'must be entered again: the stored secret was entered for ${',
    example: 'config.secret must be entered again: the stored secret was entered for https://hooks.example, and this change would send it to https://other.example. Send it again with the new address, or remove it.',
  },
  // Accounts and limits
  { pattern: /^API tokens cannot change passwords$/, zh: 'API 令牌不能修改密码', source: 'API tokens cannot change passwords', example: 'API tokens cannot change passwords' },
  { pattern: /^Users are managed by global admins; a team admin adds existing users to the team$/, zh: '用户由全局管理员管理；团队管理员只能把已有用户加入团队', source: 'Users are managed by global admins; a team admin adds existing users to the team', example: 'Users are managed by global admins; a team admin adds existing users to the team' },
  { pattern: /^You logged in through (.+), but none of your groups gives a role in Weir; ask an admin to add you to one$/, zh: '你已通过 $1 登录，但你所在的组都没有 Weir 中的角色，请联系管理员把你加入其中一个', source: 'but none of your groups gives a role in Weir; ask an admin to add you to one', example: 'You logged in through LDAP, but none of your groups gives a role in Weir; ask an admin to add you to one' },
  { pattern: /^Weir already has a different account named (.+); ask an admin to rename or remove it$/, zh: 'Weir 中已有另一个名为 $1 的账号，请联系管理员重命名或删除它', source: 'ask an admin to rename or remove it`', example: 'Weir already has a different account named alice; ask an admin to rename or remove it' },
  { pattern: /^Your password is kept by (.+); change it there$/, zh: '你的密码由 $1 管理，请在那里修改', source: '; change it there`', example: 'Your password is kept by LDAP; change it there' },
  { pattern: /^LDAP login is not configured on this Weir$/, zh: '此 Weir 未配置 LDAP 登录', source: 'LDAP login is not configured on this Weir', example: 'LDAP login is not configured on this Weir' },
  { pattern: /^The default team cannot be removed: it owns what is made without naming a team$/, zh: '默认团队不能删除：未指定团队创建的内容都归它所有', source: 'The default team cannot be removed: it owns what is made without naming a team', example: 'The default team cannot be removed: it owns what is made without naming a team' },
  { pattern: /^At most (\d+) live event streams per user or token are open at once; close another page of Weir$/, zh: '每个用户或令牌最多同时打开 $1 个实时事件流，请关闭 Weir 的其他页面', source: 'live event streams per user or token are open at once; close another page of Weir', example: 'At most 8 live event streams per user or token are open at once; close another page of Weir' },
  { pattern: /^from must not be after to$/, zh: 'from 不能晚于 to', source: "'from must not be after to'", example: 'from must not be after to' },
  // Access: whose team a thing is, which role a change needs, API tokens and the directory
  { pattern: /^Alert channel (.+) belongs to one team; a Weir-wide rule may only use shared channels$/, zh: '告警渠道 $1 属于某个团队，全局规则只能使用共享渠道', source: 'belongs to one team; a Weir-wide rule may only use shared channels', example: 'Alert channel ops-mail belongs to one team; a Weir-wide rule may only use shared channels' },
  { pattern: /^Alert channel (.+) belongs to another team; a rule may use its own team's channels and shared ones$/, zh: '告警渠道 $1 属于其他团队，规则只能使用本团队的渠道和共享渠道', source: "belongs to another team; a rule may use its own team's channels and shared ones", example: "Alert channel ops-mail belongs to another team; a rule may use its own team's channels and shared ones" },
  { pattern: /^Changing (.+) for every team needs a global (\w+) role$/, zh: '修改所有团队共用的$1需要全局$2角色', source: 'for every team needs a global ${need} role', example: 'Changing this alert rule for every team needs a global operator role', translate: { 1: 'phrase', 2: 'role' } },
  { pattern: /^Changing (.+) needs the (\w+) role in its team$/, zh: '修改$1需要所属团队的$2角色', source: 'needs the ${need} role in its team', example: 'Changing this alert channel needs the admin role in its team', translate: { 1: 'phrase', 2: 'role' } },
  { pattern: /^This is shared by every team: changing it needs a global (\w+) role$/, zh: '此项由所有团队共用，修改它需要全局$1角色', source: 'This is shared by every team: changing it needs a global ${access} role', example: 'This is shared by every team: changing it needs a global operator role', translate: { 1: 'role' } },
  { pattern: /^This needs the (\w+) role in the team that owns it; you are (\w+) there$/, zh: '此操作需要所属团队的$1角色，你在该团队的角色是$2', source: 'role in the team that owns it; you are ${role} there', example: 'This needs the operator role in the team that owns it; you are viewer there', translate: { 1: 'role', 2: 'role' } },
  { pattern: /^A token for every team needs a global (\w+) role; make it for one of your teams \(teamId\)$/, zh: '对所有团队有效的令牌需要全局$1角色，请为你所在的某个团队创建（teamId）', source: 'role; make it for one of your teams (teamId)', example: 'A token for every team needs a global admin role; make it for one of your teams (teamId)', translate: { 1: 'role' } },
  { pattern: /^A token of team (.+) with role (\w+) needs that role there; you are (\w+)$/, zh: '团队 $1 中角色为$2的令牌要求你在该团队也有此角色，你的角色是$3', source: 'needs that role there; you are ${actorRole}', example: 'A token of team ops with role admin needs that role there; you are operator', translate: { 2: 'role', 3: 'role' } },
  { pattern: /^The directory cannot be reached, so Weir cannot check your password; try again later or ask an admin$/, zh: '无法连接目录服务，Weir 无法校验你的密码，请稍后重试或联系管理员', source: 'The directory cannot be reached, so Weir cannot check your password; try again later or ask an admin', example: 'The directory cannot be reached, so Weir cannot check your password; try again later or ask an admin' },
  { pattern: /^Logging in through the directory is misconfigured in Weir; ask an admin \(the audit log has the reason\)$/, zh: 'Weir 中通过目录服务登录的配置有误，请联系管理员（原因见审计日志）', source: 'Logging in through the directory is misconfigured in Weir; ask an admin (the audit log has the reason)', example: 'Logging in through the directory is misconfigured in Weir; ask an admin (the audit log has the reason)' },
  { pattern: /^An API token has no preferences: they belong to a user who logs in$/, zh: 'API 令牌没有偏好设置：偏好设置属于登录的用户', source: 'An API token has no preferences: they belong to a user who logs in', example: 'An API token has no preferences: they belong to a user who logs in' },
  { pattern: /^GET \/metrics needs a Bearer API token or the scrape token$/, zh: 'GET /metrics 需要 Bearer API 令牌或抓取令牌（scrape token）', source: 'GET /metrics needs a Bearer API token or the scrape token', example: 'GET /metrics needs a Bearer API token or the scrape token' },
  // Clusters and the addresses Weir calls
  { pattern: /^Only a global admin shares a cluster with every team$/, zh: '只有全局管理员可以把集群共享给所有团队', source: 'Only a global admin shares a cluster with every team', example: 'Only a global admin shares a cluster with every team' },
  { pattern: /^A cluster goes only to a team you are an admin of$/, zh: '集群只能归属于你担任管理员的团队', source: 'A cluster goes only to a team you are an admin of', example: 'A cluster goes only to a team you are an admin of' },
  { pattern: /^(.+) of the local cluster Weir started cannot be changed; register another cluster for other addresses$/, zh: 'Weir 启动的本地集群的 $1 不能修改；如需使用其他地址，请另行注册一个集群', source: 'of the local cluster Weir started cannot be changed; register another cluster for other addresses', example: 'restUrl, name of the local cluster Weir started cannot be changed; register another cluster for other addresses' },
  { pattern: /^Cluster (.+) has no SQL Gateway address$/, zh: '集群 $1 没有 SQL Gateway 地址', source: 'has no SQL Gateway address`', example: 'Cluster prod has no SQL Gateway address' },
  { pattern: /^(.+) is in a network Weir does not send requests to \(WEIR_OUTBOUND_DENY \/ WEIR_OUTBOUND_ALLOW\)$/, zh: '$1 位于 Weir 不会向其发送请求的网络中（WEIR_OUTBOUND_DENY / WEIR_OUTBOUND_ALLOW）', source: 'is in a network Weir does not send requests to (WEIR_OUTBOUND_DENY / WEIR_OUTBOUND_ALLOW)', example: 'flink.internal (169.254.169.254) is in a network Weir does not send requests to (WEIR_OUTBOUND_DENY / WEIR_OUTBOUND_ALLOW)' },
  { pattern: /^"([\s\S]*)" is not a valid name in a Flink REST path$/, zh: '"$1" 不是 Flink REST 路径中的有效名称', source: '" is not a valid name in a Flink REST path`', example: '"../config" is not a valid name in a Flink REST path' },
  // Tasks, metrics and savepoint schedules
  { pattern: /^Task (.+) has changes that are not published; publish them before going online$/, zh: '任务 $1 有未发布的修改，请先发布再上线', source: 'has changes that are not published; publish them before going online', example: 'Task orders has changes that are not published; publish them before going online' },
  { pattern: /^Task (.+) is DEVELOP: publish it before going online$/, zh: '任务 $1 处于 DEVELOP 状态，请先发布再上线', source: 'is DEVELOP: publish it before going online', example: 'Task orders is DEVELOP: publish it before going online' },
  { pattern: /^Unknown series (.+): use vertex:<id>:<metric>, job:<metric> or tm:<id>:<metric>$/, zh: '未知的指标序列 $1：请使用 vertex:<id>:<metric>、job:<metric> 或 tm:<id>:<metric>', source: 'use vertex:<id>:<metric>, job:<metric> or tm:<id>:<metric>', example: 'Unknown series cpu: use vertex:<id>:<metric>, job:<metric> or tm:<id>:<metric>' },
  // The cron library's reason is quoted as it wrote it.
  { pattern: /^schedule\.cron: ([\s\S]*)$/, zh: 'schedule.cron 无效：$1', source: 'schedule.cron: ${', example: 'schedule.cron: CronPattern: invalid configuration format' },
  // YARN
  { pattern: /^"([\s\S]*)" is not a YARN queue name$/, zh: '"$1" 不是有效的 YARN 队列名', source: '" is not a YARN queue name`', example: '"root.a b" is not a YARN queue name' },
  { pattern: /^"([\s\S]*)" is not a Java class name$/, zh: '"$1" 不是有效的 Java 类名', source: '" is not a Java class name`', example: '"com.acme.1Job" is not a Java class name' },
  { pattern: /^YARN holds no JobManager log of application (\S+): its NodeManager deleted it, or the application never started a container$/, zh: 'YARN 中没有应用 $1 的 JobManager 日志：NodeManager 已将其删除，或该应用从未启动容器', source: 'its NodeManager deleted it, or the application never started a container', example: 'YARN holds no JobManager log of application application_1_0001: its NodeManager deleted it, or the application never started a container' },
  { pattern: /^"([\s\S]*)" is not a YARN container id$/, zh: '"$1" 不是有效的 YARN 容器 ID', source: '" is not a YARN container id`', example: '"container_1" is not a YARN container id' },
  { pattern: /^"([\s\S]*)" is not a container log file name$/, zh: '"$1" 不是有效的容器日志文件名', source: '" is not a container log file name`', example: '"../x" is not a container log file name' },
  { pattern: /^"([\s\S]*)" is not a YARN application id$/, zh: '"$1" 不是有效的 YARN 应用 ID', source: '" is not a YARN application id`', example: '"app_1" is not a YARN application id' },
  { pattern: /^parallelism must be a whole number from 1 to 10000, not (.+)$/, zh: 'parallelism 必须是 1 到 10000 之间的整数，而不是 $1', source: 'parallelism must be a whole number from 1 to 10000, not ${', example: 'parallelism must be a whole number from 1 to 10000, not 0.5' },
  {
    pattern: /^YARN application (\S+) ended (\w+) \((\w+)\) before its JobManager answered: ([\s\S]*)$/,
    zh: 'YARN 应用 $1 在其 JobManager 应答之前就已结束，状态为 $2（$3）：$4',
    source: 'before its JobManager answered: ${',
    example: 'YARN application application_1700000000000_0001 ended FAILED (FAILED) before its JobManager answered: Application failed 1 times',
  },
  { pattern: /^YARN application (\S+) is still (\w+), without a JobManager address$/, zh: 'YARN 应用 $1 仍处于 $2 状态，还没有 JobManager 地址', source: ', without a JobManager address`', example: 'YARN application application_1700000000000_0001 is still ACCEPTED, without a JobManager address' },
  { pattern: /^YARN lists no application tagged (.+)$/, zh: 'YARN 中没有带标签 $1 的应用', source: 'YARN lists no application tagged ${', example: 'YARN lists no application tagged weir-deploy-01JABC' },
  { pattern: /^YARN application (\S+) is still (\w+) (\d+) s after the kill$/, zh: 'YARN 应用 $1 在发出终止请求 $3 秒后仍处于 $2 状态', source: 's after the kill`', example: 'YARN application application_1700000000000_0001 is still RUNNING 120 s after the kill' },
  { pattern: /^Invalid request: ([\s\S]*)$/, zh: '请求无效：$1', source: 'Invalid request: ${summary}', example: 'Invalid request: body/name: Too small' },
  { pattern: /^Internal error; see the server log$/, zh: '内部错误，详见服务器日志', source: 'Internal error; see the server log', example: 'Internal error; see the server log' },
  { pattern: /^The server produced an invalid response$/, zh: '服务器返回了无效的应答', source: 'The server produced an invalid response', example: 'The server produced an invalid response' },
  { pattern: /^No route (\S+) (\S+)$/, zh: '没有这个接口：$1 $2', source: 'No route ${request.method}', example: 'No route GET /api/nothing' },
  // The success texts of operations (a task's or a run's result, and each task's line of a bulk operation).
  { pattern: /^(.+) version (\d+) submitted as job (\S+) from (\w+) (\S+)$/, zh: '$1 的版本 $2 已提交为作业 $3，从 $4 $5 恢复', source: 'submitted as job ${run.flinkJobId}${restore ?', example: 'orders etl version 3 submitted as job abc123 from savepoint s3://sp/savepoint-1' },
  { pattern: /^(.+) version (\d+) submitted as job (\S+) without state$/, zh: '$1 的版本 $2 已提交为作业 $3，不带状态启动', source: 'submitted as job ${run.flinkJobId}${restore ?', example: 'orders etl version 3 submitted as job abc123 without state' },
  { pattern: /^Job (\S+) stopped with a savepoint at (\S+)$/, zh: '作业 $1 已停止，Savepoint 保存在 $2', source: 'Job ${run.flinkJobId} stopped with a savepoint at ${stopped.savepoint.path}', example: 'Job abc123 stopped with a savepoint at s3://sp/savepoint-1' },
  { pattern: /^Job (\S+) stopped without a savepoint \((\w+)\)$/, zh: '作业 $1 已停止，未做 Savepoint（$2）', source: 'Job ${run.flinkJobId} stopped without a savepoint (${stopped.status})', example: 'Job abc123 stopped without a savepoint (CANCELED)' },
  { pattern: /^Job (\S+) is (\w+)$/, zh: '作业 $1 已处于 $2 状态', source: 'message: `Job ${run.flinkJobId} is ${cancelled.status}`', example: 'Job abc123 is CANCELED' },
  { pattern: /^Savepoint of job (\S+) written to (\S+)$/, zh: '作业 $1 的 Savepoint 已写入 $2', source: 'Savepoint of job ${run.flinkJobId} written to ${savepoint.path}', example: 'Savepoint of job abc123 written to s3://sp/savepoint-1' },
  { pattern: /^Restarted as job (\S+) from (\w+) (\S+)$/, zh: '已重启为作业 $1，从 $2 $3 恢复', source: 'Restarted as job ${newRun.flinkJobId}${restore ?', example: 'Restarted as job def456 from checkpoint s3://cp/chk-7' },
  { pattern: /^Restarted as job (\S+) without state$/, zh: '已重启为作业 $1，不带状态启动', source: 'Restarted as job ${newRun.flinkJobId}${restore ?', example: 'Restarted as job def456 without state' },
  { pattern: /^Refreshed: job (\S+) is (\w+)$/, zh: '已刷新：作业 $1 处于 $2 状态', source: 'Refreshed: job ${run.flinkJobId} is ${after.status}', example: 'Refreshed: job abc123 is RUNNING' },
  { pattern: /^The JobManager could not be reached; job (\S+) is (\w+)$/, zh: '无法连接 JobManager；作业 $1 处于 $2 状态', source: 'The JobManager could not be reached; job ${run.flinkJobId} is ${after.status}', example: 'The JobManager could not be reached; job abc123 is RUNNING' },
  { pattern: /^Cluster (\S+) is watched by Weir instance (\S+), which records job (\S+) at its next cycle; it is (\w+) now$/, zh: '集群 $1 由 Weir 实例 $2 监视，它会在下一轮记录作业 $3；作业现在处于 $4 状态', source: 'which records job ${run.flinkJobId} at its next cycle; it is ${after.status} now', example: 'Cluster c-1 is watched by Weir instance weir-2, which records job abc123 at its next cycle; it is RUNNING now' },
  { pattern: /^Cluster (\S+) is not watched$/, zh: '集群 $1 未被监视', source: 'Cluster ${run.clusterId} is not watched', example: 'Cluster c-1 is not watched' },
  { pattern: /^(.+) stopped with a savepoint at (\S+)$/, zh: '$1 已停止，Savepoint 保存在 $2', source: '${task.name} stopped with a savepoint at ${stopped.savepoint.path}', example: 'orders etl stopped with a savepoint at s3://sp/savepoint-1' },
  { pattern: /^(.+) is offline; its job is (\w+)$/, zh: '$1 已下线，其作业处于 $2 状态', source: '${task.name} is offline; its job is ${stopped.status}', example: 'orders etl is offline; its job is FINISHED' },
  { pattern: /^(.+) is offline$/, zh: '$1 已下线', source: '${task.name} is offline`', example: 'orders etl is offline' },
  { pattern: /^The request body is larger than the (\d+) bytes this operation accepts$/, zh: '请求体超过了此操作允许的 $1 字节', source: 'The request body is larger than the ${limit} bytes this operation accepts', example: 'The request body is larger than the 1048576 bytes this operation accepts' },
];

/** The message in Chinese when the catalog knows it; else as it was. */
export function messageInChinese(message: string): string {
  const notFound = /^(.+?) (\S+) does not exist$/.exec(message);
  if (notFound && THINGS_ZH[notFound[1]!]) return `${THINGS_ZH[notFound[1]!]} ${notFound[2]} 不存在`;
  for (const entry of MESSAGES_ZH) if (entry.pattern.test(message)) return translatedBy(entry, message);
  return message;
}

/** The message as this entry says it in Chinese: $n filled with its part, in Chinese where the entry says that part is Weir's. */
export function translatedBy(entry: MessageTranslation, message: string): string {
  const parts = entry.pattern.exec(message);
  if (!parts) return message;
  return entry.zh.replace(/\$(\d)/g, (_, n: string) => {
    const part = parts[Number(n)] ?? '';
    switch (entry.translate?.[Number(n)]) {
      case 'message':
        return messageInChinese(part);
      case 'role':
        return ROLES_ZH[part] ?? part;
      case 'phrase':
        return PHRASES_ZH[part] ?? part;
      default:
        return part;
    }
  });
}
