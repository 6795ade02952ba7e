// GENERATED from contract/openapi.json by `npm run gen:api`. Do not edit by hand.

export interface paths {
    "/api/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["loginMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/ldap/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Logs in with a directory (LDAP) username and password; sets the same session cookie as a Weir password login. 503 when the directory cannot check the password. */
        post: operations["ldapLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listUsers"];
        put?: never;
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTokens"];
        put?: never;
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["startSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["completeSingleSignOn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The logged-in user's preferences (light or dark); null where never chosen. 403 for an API token. */
        get: operations["myPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Sets the preferences given and keeps the others; an unknown preference or value is refused (400). Answers all preferences after the change. */
        patch: operations["updateMyPreferences"];
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The teams the caller belongs to (every team for a global role). */
        get: operations["listTeams"];
        put?: never;
        /** @description Global admins only. */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTeam"];
        put?: never;
        post?: never;
        /** @description Global admins only; the team must own nothing. */
        delete: operations["deleteTeam"];
        options?: never;
        head?: never;
        patch: operations["updateTeam"];
        trace?: never;
    };
    "/api/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTeamMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/teams/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Adds a user to the team or changes their role in it (the team's admins, or a global admin). */
        put: operations["putTeamMember"];
        post?: never;
        delete: operations["deleteTeamMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listClusters"];
        put?: never;
        post: operations["createCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCluster"];
        put?: never;
        post?: never;
        delete: operations["deleteCluster"];
        options?: never;
        head?: never;
        patch: operations["updateCluster"];
        trace?: never;
    };
    "/api/clusters/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["checkCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/yarn-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["startYarnSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/stop-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["stopYarnSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/push-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getClusterPushToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}/push-token/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["rotateClusterPushToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The audit log, newest first: every change and operation with who, when, what and the outcome. A team admin sees the entries about the team's tasks, clusters and alert settings. */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAlertChannels"];
        put?: never;
        post: operations["createAlertChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAlertChannel"];
        put: operations["replaceAlertChannel"];
        post?: never;
        delete: operations["deleteAlertChannel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["testAlertChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAlertRules"];
        put?: never;
        post: operations["createAlertRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAlertRule"];
        put?: never;
        post?: never;
        delete: operations["deleteAlertRule"];
        options?: never;
        head?: never;
        patch: operations["updateAlertRule"];
        trace?: never;
    };
    "/api/alerts/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAlertSilences"];
        put?: never;
        post: operations["createAlertSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/silences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["endAlertSilence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAlertHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAlertIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description text/event-stream of run.discovered, run.status and cluster.health events (data is the event as JSON). The stream ends when its credential is revoked or expires; a user or token holds at most a few streams at once (429 beyond). */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOverviewCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listOverviewTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A task's runs, newest first; `latest` marks the one the overview row shows. */
        get: operations["listTaskRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunExceptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/cluster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunCluster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/sql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunSql"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunLineage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/log-captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listRunLogCaptures"];
        put?: never;
        post: operations["captureRunLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/log-captures/{captureId}/parts/{seq}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunLogCapturePart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTasks"];
        put?: never;
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/tasks/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["publishTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTaskVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/versions/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["compareTaskVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTaskVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sql/syntax": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The syntax problems of a Flink SQL script as Weir's analyser reads it (the reading lineage uses), at their line and column: what the task editor underlines as one types. Reads the text only: no cluster is asked, nothing runs. */
        post: operations["checkSqlSyntax"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/sql/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Validates the script (the saved draft when `script` is left out, and always for callers who may not edit the task) on the task's cluster's SQL Gateway and returns Flink's plan, or Flink's error at the script's line and column. Starts no job. */
        post: operations["validateTaskSql"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/sql/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Catalogs, databases, tables, views and functions the script's session (the saved draft's for callers who may not edit the task) sees once its statements that start no job have run. Starts no job. A listing of the same script on the same cluster is answered from memory for 30 s unless `refresh` (see `listedAt`). */
        post: operations["browseTaskSqlCatalog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/sql/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Runs one query as a Flink job and returns its first rows, within a row, size and time limit the server caps; the job is cancelled before the answer, and when the client goes away. A user or token runs at most 2 previews at once, and a cluster 4 (429 beyond). */
        post: operations["previewTaskSql"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/sql/preview/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Runs one query as a Flink job and streams its rows as newline-delimited JSON (SqlPreviewEvent), each page as Flink's SQL Gateway yields it, within a row, size and time limit the server caps. Closing the request stops the preview: the gateway operation is closed and the job cancelled, as when a limit is reached. Problems found before the query runs are answered as HTTP errors, among them 429 when the user or token already runs 2 previews or the cluster 4; later ones end the stream with an `error` line. */
        post: operations["streamTaskSqlPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lineage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getGlobalLineage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lineage/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["searchLineageTables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lineage/tables/{tableId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTableLineage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/online": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["taskOnline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["taskOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["bulkTaskOperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["stopRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/savepoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["triggerRunSavepoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["restartRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["refreshRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/savepoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listRunSavepoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/savepoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listTaskSavepoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/savepoints/retention/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["previewSavepointRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/savepoints/retention/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["applySavepointRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/savepoint-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSavepointPolicy"];
        put: operations["putSavepointPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/metrics/selection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunMetricSelection"];
        put: operations["putRunMetricSelection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{runId}/metrics/available": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunAvailableMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getRunHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTaskHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/auto-restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["setTaskAutoRestart"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/health-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["setTaskHealthChecks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description multipart/form-data with the jar in the field `jarfile`. Weir stores it; it is uploaded to the task's cluster at each submission. */
        post: operations["uploadJar"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorBodyInput: {
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "CSRF" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "CONFLICT" | "FLINK_UNREACHABLE" | "FLINK_REJECTED" | "NOT_FLINK" | "YARN_UNREACHABLE" | "NOT_YARN" | "YARN_QUEUE_UNKNOWN" | "NOT_YET_SUPPORTED" | "DIRECTORY_UNAVAILABLE" | "INTERNAL";
                message: string;
                details?: unknown;
            };
        };
        TeamInput: {
            id: string;
            name: string;
            description: string | null;
            createdAt: number;
            memberCount: number;
            myRole: ("admin" | "operator" | "viewer") | null;
        };
        TeamListInput: {
            items: components["schemas"]["TeamInput"][];
        };
        TeamMembershipInput: {
            teamId: string;
            teamName: string;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
        };
        TeamMemberInput: {
            userId: string;
            username: string;
            displayName: string | null;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
        };
        TeamMemberListInput: {
            items: components["schemas"]["TeamMemberInput"][];
        };
        UserInput: {
            id: string;
            username: string;
            displayName: string | null;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
            /** @enum {string} */
            globalRole: "admin" | "operator" | "viewer" | "none";
            teams: components["schemas"]["TeamMembershipInput"][];
            /** @enum {string} */
            authSource: "local" | "oidc" | "ldap" | "token";
        };
        LoginMethodsInput: {
            /** @enum {string} */
            local: "on" | "admins" | "off";
            oidc: {
                label: string;
            } | null;
            ldap: {
                label: string;
            } | null;
        };
        LogoutResultInput: {
            providerLogoutUrl: string | null;
        };
        SessionInfoInput: {
            user: components["schemas"]["UserInput"];
            csrfToken: string;
        };
        ApiTokenInput: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            lastUsedAt: number | null;
            revokedAt: number | null;
            expiresAt: number | null;
            createdByUserId: string | null;
            createdByTokenId: string | null;
        };
        UserPreferencesInput: {
            theme: ("light" | "dark") | null;
        };
        UpdateUserPreferencesRequestInput: {
            /** @enum {string} */
            theme?: "light" | "dark";
        };
        TaskConfigInput: {
            parallelism: number;
            checkpointIntervalMs: number | null;
            /** @enum {string} */
            savepointStrategy: "none" | "latest" | "earliest" | "path";
            savepointPath: string | null;
            flinkOptions: {
                [key: string]: string;
            };
            alertGroup: string | null;
        };
        JarSpecInput: {
            jarId: string;
            entryClass?: string | null;
            args?: string[];
        };
        JarFileInput: {
            id: string;
            fileName: string;
            size: number;
            uploadedAt: number;
        };
        TaskInput: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            teamId: string;
            owner: string | null;
            description: string | null;
            currentVersionId: string | null;
            latestRunId: string | null;
            latestStatus: string | null;
            latestStartTime: number | null;
            createdAt: number;
            updatedAt: number;
            sql: string | null;
            jar: {
                jarId: string;
                entryClass?: string | null;
                args?: string[];
                fileName: string | null;
            } | null;
            config: components["schemas"]["TaskConfigInput"];
            currentVersion: number | null;
            hasUnpublishedChanges: boolean;
        };
        TaskListItemInput: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            teamId: string;
            owner: string | null;
            description: string | null;
            currentVersionId: string | null;
            latestRunId: string | null;
            latestStatus: string | null;
            latestStartTime: number | null;
            createdAt: number;
            updatedAt: number;
            latestFlinkJobId: string | null;
            latestEndTime: number | null;
            latestDurationMs: number | null;
            latestRestartCount: number | null;
        };
        TaskVersionInput: {
            id: string;
            taskId: string;
            version: number;
            sql: string | null;
            jar: components["schemas"]["JarSpecInput"] | null;
            config: components["schemas"]["TaskConfigInput"];
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            lineage: unknown | null;
            createdBy: string;
            createdAt: number;
            note: string | null;
        };
        DiffLineInput: {
            /** @enum {string} */
            kind: "same" | "added" | "removed";
            fromLine: number | null;
            toLine: number | null;
            text: string;
        };
        TaskVersionComparisonInput: {
            from: components["schemas"]["TaskVersionInput"];
            to: components["schemas"]["TaskVersionInput"];
            content: components["schemas"]["DiffLineInput"][];
            config: components["schemas"]["DiffLineInput"][];
        };
        SqlErrorDetailsInput: {
            message: string;
            line: number | null;
            column: number | null;
            statementIndex: number | null;
        };
        LineageResultInput: {
            tables: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: "source" | "sink" | "view" | "both";
                connector: string | null;
                columns: {
                    name: string;
                    type: string | null;
                    computed?: string;
                    metadata?: boolean;
                }[];
            }[];
            columnEdges: {
                from: {
                    table: string;
                    column: string;
                };
                to: {
                    table: string;
                    column: string;
                };
                transform: string;
                statementIndex: number;
                via: string[];
            }[];
            tableEdges: {
                from: string;
                to: string;
            }[];
            statements: {
                index: number;
                /** @enum {string} */
                kind: "create_table" | "create_table_as" | "create_view" | "create_function" | "create_catalog" | "create_database" | "use" | "set" | "insert" | "statement_set" | "select" | "other" | "invalid";
                line: number;
                sinks: string[];
            }[];
            warnings: {
                line: number;
                column: number;
                message: string;
            }[];
            errors: {
                line: number;
                column: number;
                message: string;
            }[];
        };
        GlobalLineageTableInput: {
            id: string;
            name: string;
            connector: string | null;
            readers: string[];
            writers: string[];
        };
        GlobalLineageTaskInput: {
            id: string;
            name: string;
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            version: number;
            status: ("INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN") | null;
        };
        GlobalLineageEdgeInput: {
            from: string;
            to: string;
            /** @enum {string} */
            kind: "reads" | "writes";
        };
        GlobalLineageInput: {
            tables: components["schemas"]["GlobalLineageTableInput"][];
            tasks: components["schemas"]["GlobalLineageTaskInput"][];
            edges: components["schemas"]["GlobalLineageEdgeInput"][];
        };
        TableLineageInput: {
            tables: components["schemas"]["GlobalLineageTableInput"][];
            tasks: components["schemas"]["GlobalLineageTaskInput"][];
            edges: components["schemas"]["GlobalLineageEdgeInput"][];
            table: string;
            depth: number;
        };
        LineageTableHitInput: {
            id: string;
            name: string;
            connector: string | null;
            readerCount: number;
            writerCount: number;
        };
        LineageTableSearchInput: {
            items: components["schemas"]["LineageTableHitInput"][];
            total: number;
        };
        SectionReasonInput: {
            /** @enum {string} */
            code: "neverReachedFlink" | "clusterNotRegistered" | "clusterUnreachable" | "clusterUnreachableBecause" | "jobGone" | "noTaskManager" | "flinkError";
            params: {
                [key: string]: string;
            };
        };
        StatusNoteInput: {
            /** @enum {string} */
            code: "submitted" | "submittedRestoring" | "submissionFailed" | "fromHistoryArchive" | "jobManagerUnreachable" | "noAnswer" | "lost" | "listOverStaleDetails" | "detailsUnreadable" | "relisted" | "backInContact" | "noTimeFromFlink" | "endedOnYarn" | "sqlStatementFailedOnYarn";
            params: {
                [key: string]: string | number;
            };
        };
        RunOperationsAvailabilityInput: {
            stop: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            cancel: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            savepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromLatestCheckpoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromLatestSavepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromChosenSavepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartWithoutState: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            refresh: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
        };
        RunDetailInput: {
            run: {
                id: string;
                taskId: string;
                clusterId: string;
                flinkJobId: string;
                jobName: string;
                status: string;
                /** @enum {string} */
                executionMode: "STREAMING" | "BATCH";
                versionId: string | null;
                startTime: number | null;
                endTime: number | null;
                durationMs: number | null;
                restartCount: number;
                lost: boolean;
                unreachableSince: number | null;
                lastModification: number | null;
                createdAt: number;
                updatedAt: number;
                submissionError: string | null;
                yarnApplicationId: string | null;
                jobManagerUrl: string | null;
            };
            terminal: boolean;
            task: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: "SQL" | "JAR" | "EXTERNAL";
                lifecycle: string;
                owner: string | null;
            } | null;
            cluster: {
                id: string;
                name: string;
                restUrl: string;
                health: string;
                flinkVersion: string | null;
                jobWebUrl: string | null;
            } | null;
            version: {
                id: string;
                version: number;
                createdAt: number;
                createdBy: string;
                note: string | null;
            } | null;
            transitions: {
                seq: number;
                fromStatus: string | null;
                toStatus: string;
                at: number;
                /** @enum {string} */
                source: "flink" | "weir" | "yarn";
                note: string | null;
                noteCode?: components["schemas"]["StatusNoteInput"];
            }[];
            operations: components["schemas"]["RunOperationsAvailabilityInput"];
            lostEvidence: {
                [key: string]: unknown;
            } | null;
            warnings: {
                detail: string;
                message: string;
                at: number;
            }[];
            job: {
                /** @enum {string} */
                source: "live" | "snapshot" | "none";
                capturedAt: number | null;
                reason: string | null;
                reasonCode?: components["schemas"]["SectionReasonInput"] | null;
                unreachableSince?: number | null;
                jobType: string | null;
                parallelism: number | null;
                maxParallelism: number | null;
                vertexCount: number | null;
                isStoppable: boolean | null;
                statusTimestamps: {
                    [key: string]: number;
                };
            };
        };
        RunGraphInput: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            unreachableSince?: number | null;
            vertices: {
                id: string;
                name: string;
                operators: string[];
                parallelism: number;
                maxParallelism: number | null;
                status: string;
                tasks: {
                    [key: string]: number;
                };
                startTime: number | null;
                durationMs: number | null;
                busyRatio: number | null;
                backpressureRatio: number | null;
                idleRatio: number | null;
                ratioBasis: ("current" | "average") | null;
                recordsIn: number | null;
                recordsOut: number | null;
                bytesIn: number | null;
                bytesOut: number | null;
                recordsInPerSecond: number | null;
                recordsOutPerSecond: number | null;
                watermark: number | null;
            }[];
            edges: {
                source: string;
                target: string;
                shipStrategy: string | null;
                exchange: string | null;
            }[];
        };
        RunCheckpointsInput: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            unreachableSince?: number | null;
            enabled: boolean;
            config: {
                mode: string;
                intervalMs: number;
                timeoutMs: number;
                minPauseMs: number;
                maxConcurrent: number;
                tolerableFailures: number | null;
                externalized: boolean | null;
                deleteOnCancellation: boolean | null;
                stateBackend: string | null;
                storage: string | null;
                unaligned: boolean | null;
            } | null;
            counts: {
                total: number;
                completed: number;
                failed: number;
                inProgress: number;
                restored: number;
            } | null;
            latest: {
                completed: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                failed: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                savepoint: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                restored: {
                    id: number;
                    restoredAt: number;
                    isSavepoint: boolean;
                    path: string | null;
                } | null;
            };
            history: {
                id: number;
                status: string;
                isSavepoint: boolean;
                type: string | null;
                triggeredAt: number;
                acknowledgedAt: number | null;
                durationMs: number | null;
                checkpointedSize: number | null;
                stateSize: number | null;
                subtasks: number | null;
                acknowledgedSubtasks: number | null;
                path: string | null;
                failedAt: number | null;
                failureMessage: string | null;
            }[];
            savepoints: {
                id: string;
                /** @enum {string} */
                kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
                /** @enum {string} */
                status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED";
                path: string | null;
                failure: string | null;
                createdAt: number;
                completedAt: number | null;
            }[];
        };
        RunExceptionsInput: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            unreachableSince?: number | null;
            truncated: boolean;
            entries: {
                name: string;
                message: string;
                stacktrace: string;
                at: number;
                taskName: string | null;
                location: string | null;
                taskManagerId: string | null;
                concurrent: {
                    name: string;
                    message: string;
                    stacktrace: string;
                    at: number;
                    taskName: string | null;
                    location: string | null;
                    taskManagerId: string | null;
                }[];
            }[];
        };
        RunConfigurationInput: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            unreachableSince?: number | null;
            execution: {
                [key: string]: string;
            };
            user: {
                [key: string]: string;
            };
            checkpoint: {
                mode: string;
                intervalMs: number;
                timeoutMs: number;
                minPauseMs: number;
                maxConcurrent: number;
                tolerableFailures: number | null;
                externalized: boolean | null;
                deleteOnCancellation: boolean | null;
                stateBackend: string | null;
                storage: string | null;
                unaligned: boolean | null;
            } | null;
            task: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            taskSource: "version" | "draft" | "none";
        };
        RunClusterInput: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            unreachableSince?: number | null;
            jobManager: {
                restUrl: string;
                flinkVersion: string | null;
                heapUsed: number | null;
                heapMax: number | null;
                cpuLoad: number | null;
                config: {
                    key: string;
                    value: string;
                }[];
            } | null;
            taskManagers: {
                id: string;
                address: string | null;
                dataPort: number | null;
                slotsTotal: number;
                slotsFree: number;
                slotsOfRun: number | null;
                cpuCores: number | null;
                cpuLoad: number | null;
                physicalMemory: number | null;
                heapUsed: number | null;
                heapMax: number | null;
                managedMemory: number | null;
                totalProcessMemory: number | null;
                lastHeartbeatAt: number | null;
                memory: {
                    [key: string]: number;
                };
            }[];
        };
        RunLogPageInput: {
            available: boolean;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReasonInput"] | null;
            /** @enum {string} */
            component: "jobmanager" | "taskmanager";
            tm: string | null;
            /** @enum {string} */
            kind: "log" | "stdout" | "threaddump";
            name: string | null;
            offset: number;
            nextOffset: number;
            total: number;
            text: string;
            taskManagers: string[];
            files: {
                name: string;
                size: number;
            }[];
        };
        RunSqlInput: {
            /** @enum {string} */
            taskKind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            source: "version" | "draft" | "none";
            versionId: string | null;
            version: number | null;
            content: string | null;
            jar: {
                jar: string | null;
                entryClass: string | null;
                args: string[];
                parallelism: number | null;
            } | null;
            config: {
                [key: string]: unknown;
            } | null;
        };
        RunLineageInput: {
            /** @enum {string} */
            source: "stored" | "analysed" | "none";
            versionId: string | null;
            lineage: components["schemas"]["LineageResultInput"] | null;
        };
        AlertChannelRequestInput: {
            /** @constant */
            type: "webhook";
            config: {
                url: string;
                secret?: string | null;
                /** @enum {string} */
                format?: "weir" | "alertmanager";
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "dingtalk";
            config: {
                url: string;
                secret?: string | null;
                /** @default [] */
                atMobiles: string[];
                /** @default false */
                atAll: boolean;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "feishu";
            config: {
                url: string;
                secret?: string | null;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "wecom";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "email";
            config: {
                host: string;
                port: number;
                /** @enum {string} */
                security: "tls" | "starttls" | "none";
                username?: string | null;
                password?: string | null;
                from: string;
                to: string[];
                /** @default true */
                verifyCertificate: boolean;
                caCertificate?: string | null;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "slack";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "teams";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "pagerduty";
            config: {
                /** @default https://events.pagerduty.com/v2/enqueue */
                url: string;
                routingKey?: string | null;
                /**
                 * @default critical
                 * @enum {string}
                 */
                severity: "critical" | "error" | "warning" | "info";
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        };
        AlertChannelInput: {
            /** @constant */
            type: "webhook";
            config: {
                url: string;
                secret?: string | null;
                /** @enum {string} */
                format?: "weir" | "alertmanager";
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "dingtalk";
            config: {
                url: string;
                secret?: string | null;
                /** @default [] */
                atMobiles: string[];
                /** @default false */
                atAll: boolean;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "feishu";
            config: {
                url: string;
                secret?: string | null;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "wecom";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "email";
            config: {
                host: string;
                port: number;
                /** @enum {string} */
                security: "tls" | "starttls" | "none";
                username?: string | null;
                password?: string | null;
                from: string;
                to: string[];
                /** @default true */
                verifyCertificate: boolean;
                caCertificate?: string | null;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "slack";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "teams";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "pagerduty";
            config: {
                /** @default https://events.pagerduty.com/v2/enqueue */
                url: string;
                routingKey?: string | null;
                /**
                 * @default critical
                 * @enum {string}
                 */
                severity: "critical" | "error" | "warning" | "info";
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        };
        DeliveryFailureInput: {
            /** @constant */
            code: "connectionRefused";
            params: {
                address: string;
            };
        } | {
            /** @constant */
            code: "timedOut";
            params: {
                ms: number;
            };
        } | {
            /** @constant */
            code: "nameNotResolved";
            params: {
                host: string;
            };
        } | {
            /** @constant */
            code: "tlsFailed";
            params: {
                detail: string;
            };
        } | {
            /** @constant */
            code: "httpStatus";
            params: {
                status: number;
            };
        } | {
            /** @constant */
            code: "outboundDenied";
            params: {
                host: string;
            };
        } | {
            /** @constant */
            code: "tokenInvalid";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "webhookGone";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "channelNotFound";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "channelArchived";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "signatureRejected";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "keywordMissing";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "ipNotAllowed";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "rateLimited";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "messageRejected";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "other";
            params: {
                message: string;
            };
        };
        DeliverySkipInput: {
            /** @constant */
            code: "channelDeleted";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "channelDisabled";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "channelRemoved";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleDeleted";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleDisabled";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleChanged";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "silenced";
            params: {
                reason: string;
                untilAt: number;
            };
        };
        AlertTestResultInput: {
            ok: boolean;
            deliveryId: string;
            error: string | null;
            errorCode: components["schemas"]["DeliveryFailureInput"] | null;
            response: string | null;
            durationMs: number;
        };
        AlertConditionInput: {
            /** @constant */
            kind: "status";
            statuses: ("INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN")[];
        } | {
            /** @constant */
            kind: "restarts";
            count: number;
            windowMs: number;
        } | {
            /** @constant */
            kind: "checkpoint-failed";
        } | {
            /** @constant */
            kind: "no-checkpoint";
            forMs: number;
        } | {
            /** @constant */
            kind: "exception";
        } | {
            /** @constant */
            kind: "metric";
            metric: string;
            /** @default null */
            vertexId: string | null;
            /** @enum {string} */
            op: "above" | "below";
            threshold: number;
            forMs: number;
        } | {
            /** @constant */
            kind: "cluster-unreachable";
        } | {
            /** @constant */
            kind: "health-check";
            /** @enum {string} */
            check: "restarts" | "checkpoint" | "backpressure";
        } | {
            /** @constant */
            kind: "auto-restart-exhausted";
        } | {
            /** @constant */
            kind: "savepoint-failed";
        };
        AlertScopeInput: {
            /** @constant */
            kind: "all";
        } | {
            /** @constant */
            kind: "tasks";
            taskIds: string[];
        } | {
            /** @constant */
            kind: "lifecycles";
            lifecycles: ("DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE")[];
        };
        AlertRuleInput: {
            id: string;
            name: string;
            enabled: boolean;
            condition: components["schemas"]["AlertConditionInput"];
            scope: components["schemas"]["AlertScopeInput"];
            channelIds: string[];
            teamId: string | null;
            renotifyIntervalMs: number | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        };
        AlertSilenceInput: {
            id: string;
            ruleId: string | null;
            taskId: string | null;
            teamId: string | null;
            startsAt: number;
            endsAt: number;
            reason: string;
            createdBy: string;
            createdAt: number;
            active: boolean;
        };
        IncidentSummaryInput: {
            /** @enum {string} */
            code: "statusBecame" | "restartsWithin" | "exceptionRaised" | "checkpointFailed" | "clusterUnreachable" | "healthCheckFailed" | "savepointFailed" | "autoRestartStopped" | "failedAutoRestartStopped" | "noCheckpoint" | "noCheckpointNoneSeen" | "metricAbove" | "metricBelow";
            params: {
                [key: string]: string | number;
            };
            note?: components["schemas"]["StatusNoteInput"];
        };
        AlertIncidentInput: {
            id: string;
            ruleId: string;
            ruleName: string;
            conditionKind: string;
            taskId: string | null;
            taskName: string | null;
            runId: string | null;
            clusterId: string | null;
            clusterName: string | null;
            teamId: string | null;
            /** @enum {string} */
            state: "FIRING" | "RESOLVED";
            summary: string;
            summaryCode?: components["schemas"]["IncidentSummaryInput"];
            openedAt: number;
            resolvedAt: number | null;
            resolveReason: string | null;
            lastNotifiedAt: number | null;
        };
        AlertDeliveryInput: {
            id: string;
            notificationId: string;
            incidentId: string | null;
            channelId: string;
            channelName: string | null;
            channelType: string | null;
            ruleId: string | null;
            ruleName: string | null;
            taskId: string | null;
            taskName: string | null;
            runId: string | null;
            /** @enum {string} */
            kind: "FIRING" | "RESOLVED" | "RENOTIFY" | "TEST";
            attempt: number;
            /** @enum {string} */
            status: "PENDING" | "SENDING" | "SENT" | "FAILED" | "GAVE_UP" | "SUPPRESSED" | "CANCELED";
            createdAt: number;
            nextAttemptAt: number | null;
            sentAt: number | null;
            finishedAt: number | null;
            error: string | null;
            errorCode: components["schemas"]["DeliveryFailureInput"] | null;
            skipReason: components["schemas"]["DeliverySkipInput"] | null;
            request: string | null;
            response: string | null;
        };
        YarnTargetInput: {
            hadoopConfDir: string;
            queue: string;
            /** @enum {string} */
            flinkVersion: "1.20.0" | "1.20.1";
        };
        ClusterAuthRequestInput: {
            /** @constant */
            type: "basic";
            username: string;
            password: string;
        } | {
            /** @constant */
            type: "bearer";
            token: string;
        };
        ClusterAuthInput: {
            /** @enum {string} */
            type: "basic" | "bearer";
            /** @constant */
            secret: "••••";
        };
        YarnSessionResourcesInput: {
            slotsPerTaskManager: number;
            jobManagerMemoryMb: number;
            taskManagerMemoryMb: number;
        };
        YarnSessionInput: {
            yarnClusterId: string;
            applicationId: string | null;
            /** @enum {string} */
            state: "STARTING" | "RUNNING" | "STOPPING" | "STOPPED" | "FAILED";
            resources: components["schemas"]["YarnSessionResourcesInput"];
        };
        StartYarnSessionRequestInput: {
            name?: string;
            /** @default 2 */
            slotsPerTaskManager: number;
            /** @default 1024 */
            jobManagerMemoryMb: number;
            /** @default 1024 */
            taskManagerMemoryMb: number;
        };
        StopYarnSessionRequestInput: {
            /** @default false */
            force: boolean;
        };
        ClusterInput: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "session" | "yarn";
            restUrl: string;
            gatewayUrl: string | null;
            historyUrl: string | null;
            description: string | null;
            isLocal: boolean;
            teamId: string | null;
            /** @enum {string} */
            health: "HEALTHY" | "UNREACHABLE" | "NOT_FLINK" | "UNKNOWN";
            flinkVersion: string | null;
            taskManagers: number | null;
            slotsTotal: number | null;
            slotsAvailable: number | null;
            jobsRunning: number | null;
            lastCheckedAt: number | null;
            lastHealthyAt: number | null;
            lastError: string | null;
            auth: components["schemas"]["ClusterAuthInput"] | null;
            yarn: components["schemas"]["YarnTargetInput"] | null;
            yarnSession: components["schemas"]["YarnSessionInput"] | null;
            createdAt: number;
        };
        StopYarnSessionResultInput: {
            cluster: components["schemas"]["ClusterInput"];
            endedRuns: {
                runId: string;
                taskId: string | null;
                jobName: string;
                flinkJobId: string;
                status: string;
            }[];
        };
        ClusterPushNoticeInput: {
            jobId: string;
            status: string;
            timestamp: number;
        };
        ClusterPushTokenInput: {
            token: string;
            path: string;
            url: string | null;
        };
        HealthReportInput: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            database: {
                /** @enum {string} */
                status: "ok" | "down";
                dialect: string;
                error?: string;
            };
            clusters: {
                id: string;
                name: string;
                /** @enum {string} */
                health: "HEALTHY" | "UNREACHABLE" | "NOT_FLINK" | "UNKNOWN";
                flinkVersion: string | null;
                lastCheckedAt: number | null;
                watchedBy: string | null;
            }[];
            instance: {
                id: string;
                alive: string[];
                sharesClusters: boolean;
                oneInstanceWork: string | null;
            };
        };
        AuditEntryInput: {
            id: string;
            at: number;
            actor: string;
            /** @enum {string} */
            actorKind: "user" | "token" | "system";
            action: string;
            targetType: string;
            targetId: string | null;
            targetName: string | null;
            /** @enum {string} */
            outcome: "success" | "failure";
            detail: unknown | null;
            teamId: string | null;
        };
        AuditPageInput: {
            items: components["schemas"]["AuditEntryInput"][];
            total: number;
        };
        HealthCheckSettingsInput: {
            restarts: {
                enabled: boolean;
                threshold: number;
                windowMs: number;
            };
            checkpoint: {
                enabled: boolean;
            };
            backpressure: {
                enabled: boolean;
                forMs: number;
            };
        };
        HealthFindingInput: {
            /** @enum {string} */
            code: "restartsOff" | "restartsOver" | "restartsWithin" | "checkpointOff" | "checkpointingOff" | "checkpointOverdue" | "checkpointNoneYet" | "checkpointRecent" | "backpressureOff" | "backpressureNone" | "backpressureHigh" | "backpressureUnderLimit" | "endedFailed";
            params: {
                [key: string]: string | number;
            };
        };
        RunHealthInput: {
            runId: string;
            taskId: string;
            score: number | null;
            band: ("healthy" | "degraded" | "unhealthy") | null;
            reasons: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure" | "outcome";
                penalty: number;
                text: string;
                finding?: components["schemas"]["HealthFindingInput"];
                failing?: {
                    now: boolean;
                    share: number;
                    windowMs: number;
                    passingSince: number | null;
                };
            }[];
            checks: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure";
                /** @enum {string} */
                state: "PASS" | "FAIL" | "SKIPPED";
                detail: string;
                finding?: components["schemas"]["HealthFindingInput"];
                at: number;
            }[];
            history: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure";
                /** @enum {string} */
                state: "PASS" | "FAIL" | "SKIPPED";
                detail: string;
                finding?: components["schemas"]["HealthFindingInput"];
                at: number;
            }[];
            evaluatedAt: number | null;
            endedStatus: ("FINISHED" | "CANCELED" | "FAILED") | null;
            endedAt: number | null;
            restartedFromRunId: string | null;
            restartedAsRunId: string | null;
        };
        AutoRestartPolicyInput: {
            enabled: boolean;
            maxAttempts: number;
            windowMs: number;
            backoffInitialMs: number;
            backoffMultiplier: number;
            backoffMaxMs: number;
            sources: ("latest-checkpoint" | "latest-savepoint" | "none")[];
        };
        AutoRestartStopInput: {
            /** @constant */
            code: "attemptsUsedUp";
            params: {
                attempts: number;
                windowMs: number;
                maxAttempts: number;
            };
        } | {
            /** @constant */
            code: "notSubmitted";
            params: {
                attempt: number;
                error: string;
            };
        } | {
            /** @constant */
            code: "clusterUnreachable";
            params: {
                attempt: number;
                waitedMs: number;
                error: string;
            };
        };
        TaskHealthInput: {
            taskId: string;
            autoRestart: components["schemas"]["AutoRestartPolicyInput"];
            checks: components["schemas"]["HealthCheckSettingsInput"];
            /** @enum {string} */
            autoRestartState: "IDLE" | "EXHAUSTED";
            autoRestartReason: string | null;
            autoRestartStateAt: number | null;
            attempts: {
                id: string;
                failedRunId: string;
                newRunId: string | null;
                attempt: number;
                /** @enum {string} */
                state: "SCHEDULED" | "SUBMITTED" | "FAILED";
                dueAt: number;
                restoredFrom: string | null;
                error: string | null;
                createdAt: number;
            }[];
        };
        OverviewCountsInput: {
            total: number;
            batch: number;
            streaming: number;
            byStatus: {
                INITIALIZING: number;
                CREATED: number;
                RUNNING: number;
                FAILING: number;
                FAILED: number;
                CANCELLING: number;
                CANCELED: number;
                FINISHED: number;
                RESTARTING: number;
                SUSPENDED: number;
                RECONCILING: number;
                RECONNECTING: number;
                UNKNOWN: number;
            };
            lost: number;
        };
        OverviewHealthInput: {
            score: number;
            /** @enum {string} */
            band: "healthy" | "degraded" | "unhealthy";
            reasons: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure" | "outcome";
                penalty: number;
                text: string;
                finding?: components["schemas"]["HealthFindingInput"];
                failing?: {
                    now: boolean;
                    share: number;
                    windowMs: number;
                    passingSince: number | null;
                };
            }[];
            evaluatedAt: number;
        };
        OverviewTaskInput: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            clusterName: string | null;
            teamId: string;
            teamName: string;
            owner: string | null;
            latestRunId: string;
            flinkJobId: string;
            /** @enum {string} */
            status: "INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN";
            lost: boolean;
            startTime: number | null;
            endTime: number | null;
            durationMs: number | null;
            restartCount: number;
            health: components["schemas"]["OverviewHealthInput"] | null;
        };
        OverviewTaskPageInput: {
            items: components["schemas"]["OverviewTaskInput"][];
            total: number;
            page: number;
            pageSize: number;
            now: number;
        };
        OverviewRunInput: {
            id: string;
            taskId: string;
            clusterId: string;
            clusterName: string | null;
            flinkJobId: string;
            jobName: string;
            /** @enum {string} */
            status: "INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN";
            lost: boolean;
            startTime: number | null;
            endTime: number | null;
            durationMs: number | null;
            restartCount: number;
            latest: boolean;
        };
        OverviewRunPageInput: {
            items: components["schemas"]["OverviewRunInput"][];
            total: number;
            page: number;
            pageSize: number;
            now: number;
        };
        LogCapturePartInput: {
            seq: number;
            /** @enum {string} */
            component: "jobmanager" | "taskmanager";
            tm: string | null;
            /** @enum {string} */
            kind: "log" | "stdout" | "threaddump";
            /** @enum {string} */
            selection: "job" | "tail";
            /** @enum {string} */
            status: "OK" | "FAILED";
            failure: string | null;
            sourceBytes: number | null;
            textBytes: number;
            storedBytes: number;
            truncated: boolean;
        };
        LogCaptureInput: {
            id: string;
            runId: string;
            /** @enum {string} */
            trigger: "FAILED" | "RESTARTING" | "CHECKPOINT_FAILED" | "TASKMANAGER_LOST" | "MANUAL";
            triggerAt: number;
            detail: string | null;
            requestedBy: string | null;
            /** @enum {string} */
            status: "PENDING" | "COMPLETE" | "PARTIAL" | "FAILED";
            failure: string | null;
            textBytes: number;
            storedBytes: number;
            truncated: boolean;
            durationMs: number | null;
            createdAt: number;
            completedAt: number | null;
            parts: components["schemas"]["LogCapturePartInput"][];
        };
        RunLogCapturesInput: {
            captures: components["schemas"]["LogCaptureInput"][];
            limits: {
                captureBytes: number;
                runBytes: number;
                retentionDays: number;
            };
        };
        LogCapturePartTextInput: {
            captureId: string;
            part: components["schemas"]["LogCapturePartInput"];
            text: string;
            masked: boolean;
        };
        CaptureLogsRequestInput: {
            /** @default false */
            threadDump: boolean;
        };
        MetricSelectionInput: {
            runId: string;
            series: string[];
            updatedAt: number | null;
            updatedBy: string | null;
        };
        MetricSeriesPageInput: {
            from: number;
            to: number;
            intervalMs: number;
            series: {
                key: string;
                points: [
                    number,
                    number
                ][];
            }[];
        };
        AvailableMetricsInput: {
            vertices: {
                id: string;
                name: string;
            }[];
            taskManagers: string[];
            vertexMetrics: string[];
            jobMetrics: string[];
            taskManagerMetrics: string[];
            intervalMs: number;
            retentionHours: number;
            sampling: boolean;
        };
        SqlProblemInput: {
            message: string;
            line: number;
            column: number;
            endLine: number | null;
            endColumn: number | null;
            statementIndex: number | null;
        };
        SqlScriptRequestInput: {
            script?: string;
        };
        SqlCatalogRequestInput: {
            script?: string;
            refresh?: boolean;
        };
        SqlSyntaxRequestInput: {
            script: string;
        };
        SqlSyntaxCheckInput: {
            problems: components["schemas"]["SqlProblemInput"][];
        };
        SqlValidationInput: {
            valid: boolean;
            plan: string | null;
            problem: components["schemas"]["SqlProblemInput"] | null;
        };
        SqlCatalogInput: {
            currentCatalog: string;
            currentDatabase: string;
            catalogs: {
                name: string;
                databases: {
                    name: string;
                    tables: {
                        name: string;
                        /** @enum {string} */
                        kind: "TABLE" | "VIEW";
                        columns: {
                            name: string;
                            type: string;
                            nullable: boolean;
                            key: string | null;
                            extras: string | null;
                            watermark: string | null;
                        }[];
                        options: {
                            [key: string]: string;
                        };
                    }[];
                    functions: string[];
                }[];
            }[];
            truncated: boolean;
            problem: components["schemas"]["SqlProblemInput"] | null;
            listedAt: number;
        };
        SqlPreviewRequestInput: {
            script?: string;
            query: string;
            maxRows?: number;
            timeoutSeconds?: number;
        };
        SqlPreviewInput: {
            columns: {
                name: string;
                type: string | null;
            }[];
            rows: {
                kind: string;
                fields: unknown[];
            }[];
            /** @enum {string} */
            stoppedBy: "END" | "ROW_LIMIT" | "BYTE_LIMIT" | "TIME_LIMIT" | "CANCELLED";
            jobId: string | null;
            jobEnded: boolean;
            maxRows: number;
            timeoutSeconds: number;
        };
        SqlPreviewEventInput: {
            /** @constant */
            type: "started";
            maxRows: number;
            timeoutSeconds: number;
        } | {
            /** @constant */
            type: "columns";
            columns: {
                name: string;
                type: string | null;
            }[];
        } | {
            /** @constant */
            type: "job";
            jobId: string;
        } | {
            /** @constant */
            type: "rows";
            rows: {
                kind: string;
                fields: unknown[];
            }[];
        } | {
            /** @constant */
            type: "alive";
        } | {
            /** @constant */
            type: "end";
            /** @enum {string} */
            stoppedBy: "END" | "ROW_LIMIT" | "BYTE_LIMIT" | "TIME_LIMIT" | "CANCELLED";
            rowCount: number;
            jobId: string | null;
            jobEnded: boolean;
        } | {
            /** @constant */
            type: "error";
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "CSRF" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "CONFLICT" | "FLINK_UNREACHABLE" | "FLINK_REJECTED" | "NOT_FLINK" | "YARN_UNREACHABLE" | "NOT_YARN" | "YARN_QUEUE_UNKNOWN" | "NOT_YET_SUPPORTED" | "DIRECTORY_UNAVAILABLE" | "INTERNAL";
                message: string;
                details?: unknown;
            };
        };
        RunSavepointInput: {
            id: string;
            runId: string;
            taskId: string;
            /** @enum {string} */
            kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED";
            path: string | null;
            triggerId: string | null;
            failure: string | null;
            createdAt: number;
            completedAt: number | null;
            takenBy: string | null;
            disposedAt: number | null;
            disposedBy: string | null;
        };
        SavepointCatalogEntryInput: {
            id: string;
            runId: string;
            taskId: string;
            /** @enum {string} */
            kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED" | "MISSING";
            path: string | null;
            triggerId: string | null;
            failure: string | null;
            createdAt: number;
            completedAt: number | null;
            takenBy: string | null;
            disposedAt: number | null;
            disposedBy: string | null;
            /** @enum {string} */
            source: "weir" | "flink";
            flinkJobId: string;
            taskVersion: number | null;
            sizeBytes: number | null;
            format: string | null;
        };
        SavepointRetentionPolicyInput: {
            /** @description Keep the newest N completed savepoints. */
            keepLast: number;
            /** @description Keep those completed within this many milliseconds. */
            keepForMs?: number;
        } | {
            /** @description Keep the newest N completed savepoints. */
            keepLast?: number;
            /** @description Keep those completed within this many milliseconds. */
            keepForMs: number;
        };
        SavepointRetentionPlanInput: {
            keep: {
                id: string;
                path: string;
                completedAt: number;
                reason: string;
            }[];
            dispose: {
                id: string;
                path: string;
                completedAt: number;
                reason: string;
            }[];
        };
        SavepointScheduleInput: {
            intervalMs: number;
        } | {
            cron: string;
        };
        SavepointPolicyInput: {
            schedule: components["schemas"]["SavepointScheduleInput"] | null;
            retention: components["schemas"]["SavepointRetentionPolicyInput"] | null;
        };
        SavepointPolicyViewInput: {
            schedule: components["schemas"]["SavepointScheduleInput"] | null;
            retention: components["schemas"]["SavepointRetentionPolicyInput"] | null;
            nextDueAt: number | null;
            updatedBy: string | null;
            updatedAt: number | null;
        };
        SavepointDisposalResultInput: {
            disposed: {
                id: string;
                path: string;
            }[];
            failed: {
                id: string;
                path: string;
                error: string;
            }[];
            kept: number;
        };
        OperationResultInput: {
            /** @enum {string} */
            action: "submit" | "online" | "offline" | "stop" | "cancel" | "savepoint" | "restart" | "refresh";
            taskId: string;
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            runId: string | null;
            status: string | null;
            newRunId: string | null;
            flinkJobId: string | null;
            savepoint: components["schemas"]["RunSavepointInput"] | null;
            restoredFrom: string | null;
            message: string;
        };
        BulkOperationItemInput: {
            taskId: string;
            taskName: string | null;
            ok: boolean;
            result: components["schemas"]["OperationResultInput"] | null;
            error: {
                code: string;
                message: string;
            } | null;
        };
        ErrorBody: {
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "CSRF" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "CONFLICT" | "FLINK_UNREACHABLE" | "FLINK_REJECTED" | "NOT_FLINK" | "YARN_UNREACHABLE" | "NOT_YARN" | "YARN_QUEUE_UNKNOWN" | "NOT_YET_SUPPORTED" | "DIRECTORY_UNAVAILABLE" | "INTERNAL";
                message: string;
                details?: unknown;
            };
        };
        Team: {
            id: string;
            name: string;
            description: string | null;
            createdAt: number;
            memberCount: number;
            myRole: ("admin" | "operator" | "viewer") | null;
        };
        TeamList: {
            items: components["schemas"]["Team"][];
        };
        TeamMembership: {
            teamId: string;
            teamName: string;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
        };
        TeamMember: {
            userId: string;
            username: string;
            displayName: string | null;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
        };
        TeamMemberList: {
            items: components["schemas"]["TeamMember"][];
        };
        User: {
            id: string;
            username: string;
            displayName: string | null;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
            /** @enum {string} */
            globalRole: "admin" | "operator" | "viewer" | "none";
            teams: components["schemas"]["TeamMembership"][];
            /** @enum {string} */
            authSource: "local" | "oidc" | "ldap" | "token";
        };
        LoginMethods: {
            /** @enum {string} */
            local: "on" | "admins" | "off";
            oidc: {
                label: string;
            } | null;
            ldap: {
                label: string;
            } | null;
        };
        LogoutResult: {
            providerLogoutUrl: string | null;
        };
        SessionInfo: {
            user: components["schemas"]["User"];
            csrfToken: string;
        };
        ApiToken: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "operator" | "viewer";
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            lastUsedAt: number | null;
            revokedAt: number | null;
            expiresAt: number | null;
            createdByUserId: string | null;
            createdByTokenId: string | null;
        };
        UserPreferences: {
            theme: ("light" | "dark") | null;
        };
        UpdateUserPreferencesRequest: {
            /** @enum {string} */
            theme?: "light" | "dark";
        };
        TaskConfig: {
            parallelism: number;
            checkpointIntervalMs: number | null;
            /** @enum {string} */
            savepointStrategy: "none" | "latest" | "earliest" | "path";
            savepointPath: string | null;
            flinkOptions: {
                [key: string]: string;
            };
            alertGroup: string | null;
        };
        JarSpec: {
            jarId: string;
            entryClass?: string | null;
            args?: string[];
        };
        JarFile: {
            id: string;
            fileName: string;
            size: number;
            uploadedAt: number;
        };
        Task: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            teamId: string;
            owner: string | null;
            description: string | null;
            currentVersionId: string | null;
            latestRunId: string | null;
            latestStatus: string | null;
            latestStartTime: number | null;
            createdAt: number;
            updatedAt: number;
            sql: string | null;
            jar: {
                jarId: string;
                entryClass?: string | null;
                args?: string[];
                fileName: string | null;
            } | null;
            config: components["schemas"]["TaskConfig"];
            currentVersion: number | null;
            hasUnpublishedChanges: boolean;
        };
        TaskListItem: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            teamId: string;
            owner: string | null;
            description: string | null;
            currentVersionId: string | null;
            latestRunId: string | null;
            latestStatus: string | null;
            latestStartTime: number | null;
            createdAt: number;
            updatedAt: number;
            latestFlinkJobId: string | null;
            latestEndTime: number | null;
            latestDurationMs: number | null;
            latestRestartCount: number | null;
        };
        TaskVersion: {
            id: string;
            taskId: string;
            version: number;
            sql: string | null;
            jar: components["schemas"]["JarSpec"] | null;
            config: components["schemas"]["TaskConfig"];
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            lineage: unknown | null;
            createdBy: string;
            createdAt: number;
            note: string | null;
        };
        DiffLine: {
            /** @enum {string} */
            kind: "same" | "added" | "removed";
            fromLine: number | null;
            toLine: number | null;
            text: string;
        };
        TaskVersionComparison: {
            from: components["schemas"]["TaskVersion"];
            to: components["schemas"]["TaskVersion"];
            content: components["schemas"]["DiffLine"][];
            config: components["schemas"]["DiffLine"][];
        };
        SqlErrorDetails: {
            message: string;
            line: number | null;
            column: number | null;
            statementIndex: number | null;
        };
        LineageResult: {
            tables: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: "source" | "sink" | "view" | "both";
                connector: string | null;
                columns: {
                    name: string;
                    type: string | null;
                    computed?: string;
                    metadata?: boolean;
                }[];
            }[];
            columnEdges: {
                from: {
                    table: string;
                    column: string;
                };
                to: {
                    table: string;
                    column: string;
                };
                transform: string;
                statementIndex: number;
                via: string[];
            }[];
            tableEdges: {
                from: string;
                to: string;
            }[];
            statements: {
                index: number;
                /** @enum {string} */
                kind: "create_table" | "create_table_as" | "create_view" | "create_function" | "create_catalog" | "create_database" | "use" | "set" | "insert" | "statement_set" | "select" | "other" | "invalid";
                line: number;
                sinks: string[];
            }[];
            warnings: {
                line: number;
                column: number;
                message: string;
            }[];
            errors: {
                line: number;
                column: number;
                message: string;
            }[];
        };
        GlobalLineageTable: {
            id: string;
            name: string;
            connector: string | null;
            readers: string[];
            writers: string[];
        };
        GlobalLineageTask: {
            id: string;
            name: string;
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            version: number;
            status: ("INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN") | null;
        };
        GlobalLineageEdge: {
            from: string;
            to: string;
            /** @enum {string} */
            kind: "reads" | "writes";
        };
        GlobalLineage: {
            tables: components["schemas"]["GlobalLineageTable"][];
            tasks: components["schemas"]["GlobalLineageTask"][];
            edges: components["schemas"]["GlobalLineageEdge"][];
        };
        TableLineage: {
            tables: components["schemas"]["GlobalLineageTable"][];
            tasks: components["schemas"]["GlobalLineageTask"][];
            edges: components["schemas"]["GlobalLineageEdge"][];
            table: string;
            depth: number;
        };
        LineageTableHit: {
            id: string;
            name: string;
            connector: string | null;
            readerCount: number;
            writerCount: number;
        };
        LineageTableSearch: {
            items: components["schemas"]["LineageTableHit"][];
            total: number;
        };
        SectionReason: {
            /** @enum {string} */
            code: "neverReachedFlink" | "clusterNotRegistered" | "clusterUnreachable" | "clusterUnreachableBecause" | "jobGone" | "noTaskManager" | "flinkError";
            params: {
                [key: string]: string;
            };
        };
        StatusNote: {
            /** @enum {string} */
            code: "submitted" | "submittedRestoring" | "submissionFailed" | "fromHistoryArchive" | "jobManagerUnreachable" | "noAnswer" | "lost" | "listOverStaleDetails" | "detailsUnreadable" | "relisted" | "backInContact" | "noTimeFromFlink" | "endedOnYarn" | "sqlStatementFailedOnYarn";
            params: {
                [key: string]: string | number;
            };
        };
        RunOperationsAvailability: {
            stop: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            cancel: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            savepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromLatestCheckpoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromLatestSavepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartFromChosenSavepoint: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            restartWithoutState: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
            refresh: {
                allowed: boolean;
                blocker: ("noCluster" | "terminal" | "notRunning" | "external" | "noCheckpoint" | "noSavepoint" | "neverReachedFlink") | null;
            };
        };
        RunDetail: {
            run: {
                id: string;
                taskId: string;
                clusterId: string;
                flinkJobId: string;
                jobName: string;
                status: string;
                /** @enum {string} */
                executionMode: "STREAMING" | "BATCH";
                versionId: string | null;
                startTime: number | null;
                endTime: number | null;
                durationMs: number | null;
                restartCount: number;
                lost: boolean;
                unreachableSince: number | null;
                lastModification: number | null;
                createdAt: number;
                updatedAt: number;
                submissionError: string | null;
                yarnApplicationId: string | null;
                jobManagerUrl: string | null;
            };
            terminal: boolean;
            task: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: "SQL" | "JAR" | "EXTERNAL";
                lifecycle: string;
                owner: string | null;
            } | null;
            cluster: {
                id: string;
                name: string;
                restUrl: string;
                health: string;
                flinkVersion: string | null;
                jobWebUrl: string | null;
            } | null;
            version: {
                id: string;
                version: number;
                createdAt: number;
                createdBy: string;
                note: string | null;
            } | null;
            transitions: {
                seq: number;
                fromStatus: string | null;
                toStatus: string;
                at: number;
                /** @enum {string} */
                source: "flink" | "weir" | "yarn";
                note: string | null;
                noteCode?: components["schemas"]["StatusNote"];
            }[];
            operations: components["schemas"]["RunOperationsAvailability"];
            lostEvidence: {
                [key: string]: unknown;
            } | null;
            warnings: {
                detail: string;
                message: string;
                at: number;
            }[];
            job: {
                /** @enum {string} */
                source: "live" | "snapshot" | "none";
                capturedAt: number | null;
                reason: string | null;
                reasonCode?: components["schemas"]["SectionReason"] | null;
                unreachableSince?: number | null;
                jobType: string | null;
                parallelism: number | null;
                maxParallelism: number | null;
                vertexCount: number | null;
                isStoppable: boolean | null;
                statusTimestamps: {
                    [key: string]: number;
                };
            };
        };
        RunGraph: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            unreachableSince?: number | null;
            vertices: {
                id: string;
                name: string;
                operators: string[];
                parallelism: number;
                maxParallelism: number | null;
                status: string;
                tasks: {
                    [key: string]: number;
                };
                startTime: number | null;
                durationMs: number | null;
                busyRatio: number | null;
                backpressureRatio: number | null;
                idleRatio: number | null;
                ratioBasis: ("current" | "average") | null;
                recordsIn: number | null;
                recordsOut: number | null;
                bytesIn: number | null;
                bytesOut: number | null;
                recordsInPerSecond: number | null;
                recordsOutPerSecond: number | null;
                watermark: number | null;
            }[];
            edges: {
                source: string;
                target: string;
                shipStrategy: string | null;
                exchange: string | null;
            }[];
        };
        RunCheckpoints: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            unreachableSince?: number | null;
            enabled: boolean;
            config: {
                mode: string;
                intervalMs: number;
                timeoutMs: number;
                minPauseMs: number;
                maxConcurrent: number;
                tolerableFailures: number | null;
                externalized: boolean | null;
                deleteOnCancellation: boolean | null;
                stateBackend: string | null;
                storage: string | null;
                unaligned: boolean | null;
            } | null;
            counts: {
                total: number;
                completed: number;
                failed: number;
                inProgress: number;
                restored: number;
            } | null;
            latest: {
                completed: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                failed: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                savepoint: {
                    id: number;
                    status: string;
                    isSavepoint: boolean;
                    type: string | null;
                    triggeredAt: number;
                    acknowledgedAt: number | null;
                    durationMs: number | null;
                    checkpointedSize: number | null;
                    stateSize: number | null;
                    subtasks: number | null;
                    acknowledgedSubtasks: number | null;
                    path: string | null;
                    failedAt: number | null;
                    failureMessage: string | null;
                } | null;
                restored: {
                    id: number;
                    restoredAt: number;
                    isSavepoint: boolean;
                    path: string | null;
                } | null;
            };
            history: {
                id: number;
                status: string;
                isSavepoint: boolean;
                type: string | null;
                triggeredAt: number;
                acknowledgedAt: number | null;
                durationMs: number | null;
                checkpointedSize: number | null;
                stateSize: number | null;
                subtasks: number | null;
                acknowledgedSubtasks: number | null;
                path: string | null;
                failedAt: number | null;
                failureMessage: string | null;
            }[];
            savepoints: {
                id: string;
                /** @enum {string} */
                kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
                /** @enum {string} */
                status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED";
                path: string | null;
                failure: string | null;
                createdAt: number;
                completedAt: number | null;
            }[];
        };
        RunExceptions: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            unreachableSince?: number | null;
            truncated: boolean;
            entries: {
                name: string;
                message: string;
                stacktrace: string;
                at: number;
                taskName: string | null;
                location: string | null;
                taskManagerId: string | null;
                concurrent: {
                    name: string;
                    message: string;
                    stacktrace: string;
                    at: number;
                    taskName: string | null;
                    location: string | null;
                    taskManagerId: string | null;
                }[];
            }[];
        };
        RunConfiguration: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            unreachableSince?: number | null;
            execution: {
                [key: string]: string;
            };
            user: {
                [key: string]: string;
            };
            checkpoint: {
                mode: string;
                intervalMs: number;
                timeoutMs: number;
                minPauseMs: number;
                maxConcurrent: number;
                tolerableFailures: number | null;
                externalized: boolean | null;
                deleteOnCancellation: boolean | null;
                stateBackend: string | null;
                storage: string | null;
                unaligned: boolean | null;
            } | null;
            task: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            taskSource: "version" | "draft" | "none";
        };
        RunCluster: {
            /** @enum {string} */
            source: "live" | "snapshot" | "none";
            capturedAt: number | null;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            unreachableSince?: number | null;
            jobManager: {
                restUrl: string;
                flinkVersion: string | null;
                heapUsed: number | null;
                heapMax: number | null;
                cpuLoad: number | null;
                config: {
                    key: string;
                    value: string;
                }[];
            } | null;
            taskManagers: {
                id: string;
                address: string | null;
                dataPort: number | null;
                slotsTotal: number;
                slotsFree: number;
                slotsOfRun: number | null;
                cpuCores: number | null;
                cpuLoad: number | null;
                physicalMemory: number | null;
                heapUsed: number | null;
                heapMax: number | null;
                managedMemory: number | null;
                totalProcessMemory: number | null;
                lastHeartbeatAt: number | null;
                memory: {
                    [key: string]: number;
                };
            }[];
        };
        RunLogPage: {
            available: boolean;
            reason: string | null;
            reasonCode?: components["schemas"]["SectionReason"] | null;
            /** @enum {string} */
            component: "jobmanager" | "taskmanager";
            tm: string | null;
            /** @enum {string} */
            kind: "log" | "stdout" | "threaddump";
            name: string | null;
            offset: number;
            nextOffset: number;
            total: number;
            text: string;
            taskManagers: string[];
            files: {
                name: string;
                size: number;
            }[];
        };
        RunSql: {
            /** @enum {string} */
            taskKind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            source: "version" | "draft" | "none";
            versionId: string | null;
            version: number | null;
            content: string | null;
            jar: {
                jar: string | null;
                entryClass: string | null;
                args: string[];
                parallelism: number | null;
            } | null;
            config: {
                [key: string]: unknown;
            } | null;
        };
        RunLineage: {
            /** @enum {string} */
            source: "stored" | "analysed" | "none";
            versionId: string | null;
            lineage: components["schemas"]["LineageResult"] | null;
        };
        AlertChannelRequest: {
            /** @constant */
            type: "webhook";
            config: {
                url: string;
                secret?: string | null;
                /** @enum {string} */
                format?: "weir" | "alertmanager";
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "dingtalk";
            config: {
                url: string;
                secret?: string | null;
                /** @default [] */
                atMobiles: string[];
                /** @default false */
                atAll: boolean;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "feishu";
            config: {
                url: string;
                secret?: string | null;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "wecom";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "email";
            config: {
                host: string;
                port: number;
                /** @enum {string} */
                security: "tls" | "starttls" | "none";
                username?: string | null;
                password?: string | null;
                from: string;
                to: string[];
                /** @default true */
                verifyCertificate: boolean;
                caCertificate?: string | null;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "slack";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "teams";
            config: {
                url: string;
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        } | {
            /** @constant */
            type: "pagerduty";
            config: {
                /** @default https://events.pagerduty.com/v2/enqueue */
                url: string;
                routingKey?: string | null;
                /**
                 * @default critical
                 * @enum {string}
                 */
                severity: "critical" | "error" | "warning" | "info";
            };
            name: string;
            /** @default true */
            enabled: boolean;
            teamId?: string | null;
        };
        AlertChannel: {
            /** @constant */
            type: "webhook";
            config: {
                url: string;
                secret?: string | null;
                /** @enum {string} */
                format?: "weir" | "alertmanager";
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "dingtalk";
            config: {
                url: string;
                secret?: string | null;
                /** @default [] */
                atMobiles: string[];
                /** @default false */
                atAll: boolean;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "feishu";
            config: {
                url: string;
                secret?: string | null;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "wecom";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "email";
            config: {
                host: string;
                port: number;
                /** @enum {string} */
                security: "tls" | "starttls" | "none";
                username?: string | null;
                password?: string | null;
                from: string;
                to: string[];
                /** @default true */
                verifyCertificate: boolean;
                caCertificate?: string | null;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "slack";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "teams";
            config: {
                url: string;
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        } | {
            /** @constant */
            type: "pagerduty";
            config: {
                /** @default https://events.pagerduty.com/v2/enqueue */
                url: string;
                routingKey?: string | null;
                /**
                 * @default critical
                 * @enum {string}
                 */
                severity: "critical" | "error" | "warning" | "info";
            };
            id: string;
            name: string;
            enabled: boolean;
            teamId: string | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        };
        DeliveryFailure: {
            /** @constant */
            code: "connectionRefused";
            params: {
                address: string;
            };
        } | {
            /** @constant */
            code: "timedOut";
            params: {
                ms: number;
            };
        } | {
            /** @constant */
            code: "nameNotResolved";
            params: {
                host: string;
            };
        } | {
            /** @constant */
            code: "tlsFailed";
            params: {
                detail: string;
            };
        } | {
            /** @constant */
            code: "httpStatus";
            params: {
                status: number;
            };
        } | {
            /** @constant */
            code: "outboundDenied";
            params: {
                host: string;
            };
        } | {
            /** @constant */
            code: "tokenInvalid";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "webhookGone";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "channelNotFound";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "channelArchived";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "signatureRejected";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "keywordMissing";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "ipNotAllowed";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "rateLimited";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "messageRejected";
            params: {
                service: string;
                serviceCode: string;
            };
        } | {
            /** @constant */
            code: "other";
            params: {
                message: string;
            };
        };
        DeliverySkip: {
            /** @constant */
            code: "channelDeleted";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "channelDisabled";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "channelRemoved";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleDeleted";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleDisabled";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "ruleChanged";
            params: Record<string, never>;
        } | {
            /** @constant */
            code: "silenced";
            params: {
                reason: string;
                untilAt: number;
            };
        };
        AlertTestResult: {
            ok: boolean;
            deliveryId: string;
            error: string | null;
            errorCode: components["schemas"]["DeliveryFailure"] | null;
            response: string | null;
            durationMs: number;
        };
        AlertCondition: {
            /** @constant */
            kind: "status";
            statuses: ("INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN")[];
        } | {
            /** @constant */
            kind: "restarts";
            count: number;
            windowMs: number;
        } | {
            /** @constant */
            kind: "checkpoint-failed";
        } | {
            /** @constant */
            kind: "no-checkpoint";
            forMs: number;
        } | {
            /** @constant */
            kind: "exception";
        } | {
            /** @constant */
            kind: "metric";
            metric: string;
            /** @default null */
            vertexId: string | null;
            /** @enum {string} */
            op: "above" | "below";
            threshold: number;
            forMs: number;
        } | {
            /** @constant */
            kind: "cluster-unreachable";
        } | {
            /** @constant */
            kind: "health-check";
            /** @enum {string} */
            check: "restarts" | "checkpoint" | "backpressure";
        } | {
            /** @constant */
            kind: "auto-restart-exhausted";
        } | {
            /** @constant */
            kind: "savepoint-failed";
        };
        AlertScope: {
            /** @constant */
            kind: "all";
        } | {
            /** @constant */
            kind: "tasks";
            taskIds: string[];
        } | {
            /** @constant */
            kind: "lifecycles";
            lifecycles: ("DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE")[];
        };
        AlertRule: {
            id: string;
            name: string;
            enabled: boolean;
            condition: components["schemas"]["AlertCondition"];
            scope: components["schemas"]["AlertScope"];
            channelIds: string[];
            teamId: string | null;
            renotifyIntervalMs: number | null;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        };
        AlertSilence: {
            id: string;
            ruleId: string | null;
            taskId: string | null;
            teamId: string | null;
            startsAt: number;
            endsAt: number;
            reason: string;
            createdBy: string;
            createdAt: number;
            active: boolean;
        };
        IncidentSummary: {
            /** @enum {string} */
            code: "statusBecame" | "restartsWithin" | "exceptionRaised" | "checkpointFailed" | "clusterUnreachable" | "healthCheckFailed" | "savepointFailed" | "autoRestartStopped" | "failedAutoRestartStopped" | "noCheckpoint" | "noCheckpointNoneSeen" | "metricAbove" | "metricBelow";
            params: {
                [key: string]: string | number;
            };
            note?: components["schemas"]["StatusNote"];
        };
        AlertIncident: {
            id: string;
            ruleId: string;
            ruleName: string;
            conditionKind: string;
            taskId: string | null;
            taskName: string | null;
            runId: string | null;
            clusterId: string | null;
            clusterName: string | null;
            teamId: string | null;
            /** @enum {string} */
            state: "FIRING" | "RESOLVED";
            summary: string;
            summaryCode?: components["schemas"]["IncidentSummary"];
            openedAt: number;
            resolvedAt: number | null;
            resolveReason: string | null;
            lastNotifiedAt: number | null;
        };
        AlertDelivery: {
            id: string;
            notificationId: string;
            incidentId: string | null;
            channelId: string;
            channelName: string | null;
            channelType: string | null;
            ruleId: string | null;
            ruleName: string | null;
            taskId: string | null;
            taskName: string | null;
            runId: string | null;
            /** @enum {string} */
            kind: "FIRING" | "RESOLVED" | "RENOTIFY" | "TEST";
            attempt: number;
            /** @enum {string} */
            status: "PENDING" | "SENDING" | "SENT" | "FAILED" | "GAVE_UP" | "SUPPRESSED" | "CANCELED";
            createdAt: number;
            nextAttemptAt: number | null;
            sentAt: number | null;
            finishedAt: number | null;
            error: string | null;
            errorCode: components["schemas"]["DeliveryFailure"] | null;
            skipReason: components["schemas"]["DeliverySkip"] | null;
            request: string | null;
            response: string | null;
        };
        YarnTarget: {
            hadoopConfDir: string;
            queue: string;
            /** @enum {string} */
            flinkVersion: "1.20.0" | "1.20.1";
        };
        ClusterAuthRequest: {
            /** @constant */
            type: "basic";
            username: string;
            password: string;
        } | {
            /** @constant */
            type: "bearer";
            token: string;
        };
        ClusterAuth: {
            /** @enum {string} */
            type: "basic" | "bearer";
            /** @constant */
            secret: "••••";
        };
        YarnSessionResources: {
            slotsPerTaskManager: number;
            jobManagerMemoryMb: number;
            taskManagerMemoryMb: number;
        };
        YarnSession: {
            yarnClusterId: string;
            applicationId: string | null;
            /** @enum {string} */
            state: "STARTING" | "RUNNING" | "STOPPING" | "STOPPED" | "FAILED";
            resources: components["schemas"]["YarnSessionResources"];
        };
        StartYarnSessionRequest: {
            name?: string;
            /** @default 2 */
            slotsPerTaskManager: number;
            /** @default 1024 */
            jobManagerMemoryMb: number;
            /** @default 1024 */
            taskManagerMemoryMb: number;
        };
        StopYarnSessionRequest: {
            /** @default false */
            force: boolean;
        };
        Cluster: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "session" | "yarn";
            restUrl: string;
            gatewayUrl: string | null;
            historyUrl: string | null;
            description: string | null;
            isLocal: boolean;
            teamId: string | null;
            /** @enum {string} */
            health: "HEALTHY" | "UNREACHABLE" | "NOT_FLINK" | "UNKNOWN";
            flinkVersion: string | null;
            taskManagers: number | null;
            slotsTotal: number | null;
            slotsAvailable: number | null;
            jobsRunning: number | null;
            lastCheckedAt: number | null;
            lastHealthyAt: number | null;
            lastError: string | null;
            auth: components["schemas"]["ClusterAuth"] | null;
            yarn: components["schemas"]["YarnTarget"] | null;
            yarnSession: components["schemas"]["YarnSession"] | null;
            createdAt: number;
        };
        StopYarnSessionResult: {
            cluster: components["schemas"]["Cluster"];
            endedRuns: {
                runId: string;
                taskId: string | null;
                jobName: string;
                flinkJobId: string;
                status: string;
            }[];
        };
        ClusterPushNotice: {
            jobId: string;
            status: string;
            timestamp: number;
        };
        ClusterPushToken: {
            token: string;
            path: string;
            url: string | null;
        };
        HealthReport: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            database: {
                /** @enum {string} */
                status: "ok" | "down";
                dialect: string;
                error?: string;
            };
            clusters: {
                id: string;
                name: string;
                /** @enum {string} */
                health: "HEALTHY" | "UNREACHABLE" | "NOT_FLINK" | "UNKNOWN";
                flinkVersion: string | null;
                lastCheckedAt: number | null;
                watchedBy: string | null;
            }[];
            instance: {
                id: string;
                alive: string[];
                sharesClusters: boolean;
                oneInstanceWork: string | null;
            };
        };
        AuditEntry: {
            id: string;
            at: number;
            actor: string;
            /** @enum {string} */
            actorKind: "user" | "token" | "system";
            action: string;
            targetType: string;
            targetId: string | null;
            targetName: string | null;
            /** @enum {string} */
            outcome: "success" | "failure";
            detail: unknown | null;
            teamId: string | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            total: number;
        };
        HealthCheckSettings: {
            restarts: {
                enabled: boolean;
                threshold: number;
                windowMs: number;
            };
            checkpoint: {
                enabled: boolean;
            };
            backpressure: {
                enabled: boolean;
                forMs: number;
            };
        };
        HealthFinding: {
            /** @enum {string} */
            code: "restartsOff" | "restartsOver" | "restartsWithin" | "checkpointOff" | "checkpointingOff" | "checkpointOverdue" | "checkpointNoneYet" | "checkpointRecent" | "backpressureOff" | "backpressureNone" | "backpressureHigh" | "backpressureUnderLimit" | "endedFailed";
            params: {
                [key: string]: string | number;
            };
        };
        RunHealth: {
            runId: string;
            taskId: string;
            score: number | null;
            band: ("healthy" | "degraded" | "unhealthy") | null;
            reasons: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure" | "outcome";
                penalty: number;
                text: string;
                finding?: components["schemas"]["HealthFinding"];
                failing?: {
                    now: boolean;
                    share: number;
                    windowMs: number;
                    passingSince: number | null;
                };
            }[];
            checks: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure";
                /** @enum {string} */
                state: "PASS" | "FAIL" | "SKIPPED";
                detail: string;
                finding?: components["schemas"]["HealthFinding"];
                at: number;
            }[];
            history: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure";
                /** @enum {string} */
                state: "PASS" | "FAIL" | "SKIPPED";
                detail: string;
                finding?: components["schemas"]["HealthFinding"];
                at: number;
            }[];
            evaluatedAt: number | null;
            endedStatus: ("FINISHED" | "CANCELED" | "FAILED") | null;
            endedAt: number | null;
            restartedFromRunId: string | null;
            restartedAsRunId: string | null;
        };
        AutoRestartPolicy: {
            enabled: boolean;
            maxAttempts: number;
            windowMs: number;
            backoffInitialMs: number;
            backoffMultiplier: number;
            backoffMaxMs: number;
            sources: ("latest-checkpoint" | "latest-savepoint" | "none")[];
        };
        AutoRestartStop: {
            /** @constant */
            code: "attemptsUsedUp";
            params: {
                attempts: number;
                windowMs: number;
                maxAttempts: number;
            };
        } | {
            /** @constant */
            code: "notSubmitted";
            params: {
                attempt: number;
                error: string;
            };
        } | {
            /** @constant */
            code: "clusterUnreachable";
            params: {
                attempt: number;
                waitedMs: number;
                error: string;
            };
        };
        TaskHealth: {
            taskId: string;
            autoRestart: components["schemas"]["AutoRestartPolicy"];
            checks: components["schemas"]["HealthCheckSettings"];
            /** @enum {string} */
            autoRestartState: "IDLE" | "EXHAUSTED";
            autoRestartReason: string | null;
            autoRestartStateAt: number | null;
            attempts: {
                id: string;
                failedRunId: string;
                newRunId: string | null;
                attempt: number;
                /** @enum {string} */
                state: "SCHEDULED" | "SUBMITTED" | "FAILED";
                dueAt: number;
                restoredFrom: string | null;
                error: string | null;
                createdAt: number;
            }[];
        };
        OverviewCounts: {
            total: number;
            batch: number;
            streaming: number;
            byStatus: {
                INITIALIZING: number;
                CREATED: number;
                RUNNING: number;
                FAILING: number;
                FAILED: number;
                CANCELLING: number;
                CANCELED: number;
                FINISHED: number;
                RESTARTING: number;
                SUSPENDED: number;
                RECONCILING: number;
                RECONNECTING: number;
                UNKNOWN: number;
            };
            lost: number;
        };
        OverviewHealth: {
            score: number;
            /** @enum {string} */
            band: "healthy" | "degraded" | "unhealthy";
            reasons: {
                /** @enum {string} */
                check: "restarts" | "checkpoint" | "backpressure" | "outcome";
                penalty: number;
                text: string;
                finding?: components["schemas"]["HealthFinding"];
                failing?: {
                    now: boolean;
                    share: number;
                    windowMs: number;
                    passingSince: number | null;
                };
            }[];
            evaluatedAt: number;
        };
        OverviewTask: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "SQL" | "JAR" | "EXTERNAL";
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            /** @enum {string} */
            executionMode: "STREAMING" | "BATCH";
            clusterId: string;
            clusterName: string | null;
            teamId: string;
            teamName: string;
            owner: string | null;
            latestRunId: string;
            flinkJobId: string;
            /** @enum {string} */
            status: "INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN";
            lost: boolean;
            startTime: number | null;
            endTime: number | null;
            durationMs: number | null;
            restartCount: number;
            health: components["schemas"]["OverviewHealth"] | null;
        };
        OverviewTaskPage: {
            items: components["schemas"]["OverviewTask"][];
            total: number;
            page: number;
            pageSize: number;
            now: number;
        };
        OverviewRun: {
            id: string;
            taskId: string;
            clusterId: string;
            clusterName: string | null;
            flinkJobId: string;
            jobName: string;
            /** @enum {string} */
            status: "INITIALIZING" | "CREATED" | "RUNNING" | "FAILING" | "FAILED" | "CANCELLING" | "CANCELED" | "FINISHED" | "RESTARTING" | "SUSPENDED" | "RECONCILING" | "RECONNECTING" | "UNKNOWN";
            lost: boolean;
            startTime: number | null;
            endTime: number | null;
            durationMs: number | null;
            restartCount: number;
            latest: boolean;
        };
        OverviewRunPage: {
            items: components["schemas"]["OverviewRun"][];
            total: number;
            page: number;
            pageSize: number;
            now: number;
        };
        LogCapturePart: {
            seq: number;
            /** @enum {string} */
            component: "jobmanager" | "taskmanager";
            tm: string | null;
            /** @enum {string} */
            kind: "log" | "stdout" | "threaddump";
            /** @enum {string} */
            selection: "job" | "tail";
            /** @enum {string} */
            status: "OK" | "FAILED";
            failure: string | null;
            sourceBytes: number | null;
            textBytes: number;
            storedBytes: number;
            truncated: boolean;
        };
        LogCapture: {
            id: string;
            runId: string;
            /** @enum {string} */
            trigger: "FAILED" | "RESTARTING" | "CHECKPOINT_FAILED" | "TASKMANAGER_LOST" | "MANUAL";
            triggerAt: number;
            detail: string | null;
            requestedBy: string | null;
            /** @enum {string} */
            status: "PENDING" | "COMPLETE" | "PARTIAL" | "FAILED";
            failure: string | null;
            textBytes: number;
            storedBytes: number;
            truncated: boolean;
            durationMs: number | null;
            createdAt: number;
            completedAt: number | null;
            parts: components["schemas"]["LogCapturePart"][];
        };
        RunLogCaptures: {
            captures: components["schemas"]["LogCapture"][];
            limits: {
                captureBytes: number;
                runBytes: number;
                retentionDays: number;
            };
        };
        LogCapturePartText: {
            captureId: string;
            part: components["schemas"]["LogCapturePart"];
            text: string;
            masked: boolean;
        };
        CaptureLogsRequest: {
            /** @default false */
            threadDump: boolean;
        };
        MetricSelection: {
            runId: string;
            series: string[];
            updatedAt: number | null;
            updatedBy: string | null;
        };
        MetricSeriesPage: {
            from: number;
            to: number;
            intervalMs: number;
            series: {
                key: string;
                points: [
                    number,
                    number
                ][];
            }[];
        };
        AvailableMetrics: {
            vertices: {
                id: string;
                name: string;
            }[];
            taskManagers: string[];
            vertexMetrics: string[];
            jobMetrics: string[];
            taskManagerMetrics: string[];
            intervalMs: number;
            retentionHours: number;
            sampling: boolean;
        };
        SqlProblem: {
            message: string;
            line: number;
            column: number;
            endLine: number | null;
            endColumn: number | null;
            statementIndex: number | null;
        };
        SqlScriptRequest: {
            script?: string;
        };
        SqlCatalogRequest: {
            script?: string;
            refresh?: boolean;
        };
        SqlSyntaxRequest: {
            script: string;
        };
        SqlSyntaxCheck: {
            problems: components["schemas"]["SqlProblem"][];
        };
        SqlValidation: {
            valid: boolean;
            plan: string | null;
            problem: components["schemas"]["SqlProblem"] | null;
        };
        SqlCatalog: {
            currentCatalog: string;
            currentDatabase: string;
            catalogs: {
                name: string;
                databases: {
                    name: string;
                    tables: {
                        name: string;
                        /** @enum {string} */
                        kind: "TABLE" | "VIEW";
                        columns: {
                            name: string;
                            type: string;
                            nullable: boolean;
                            key: string | null;
                            extras: string | null;
                            watermark: string | null;
                        }[];
                        options: {
                            [key: string]: string;
                        };
                    }[];
                    functions: string[];
                }[];
            }[];
            truncated: boolean;
            problem: components["schemas"]["SqlProblem"] | null;
            listedAt: number;
        };
        SqlPreviewRequest: {
            script?: string;
            query: string;
            maxRows?: number;
            timeoutSeconds?: number;
        };
        SqlPreview: {
            columns: {
                name: string;
                type: string | null;
            }[];
            rows: {
                kind: string;
                fields: unknown[];
            }[];
            /** @enum {string} */
            stoppedBy: "END" | "ROW_LIMIT" | "BYTE_LIMIT" | "TIME_LIMIT" | "CANCELLED";
            jobId: string | null;
            jobEnded: boolean;
            maxRows: number;
            timeoutSeconds: number;
        };
        SqlPreviewEvent: {
            /** @constant */
            type: "started";
            maxRows: number;
            timeoutSeconds: number;
        } | {
            /** @constant */
            type: "columns";
            columns: {
                name: string;
                type: string | null;
            }[];
        } | {
            /** @constant */
            type: "job";
            jobId: string;
        } | {
            /** @constant */
            type: "rows";
            rows: {
                kind: string;
                fields: unknown[];
            }[];
        } | {
            /** @constant */
            type: "alive";
        } | {
            /** @constant */
            type: "end";
            /** @enum {string} */
            stoppedBy: "END" | "ROW_LIMIT" | "BYTE_LIMIT" | "TIME_LIMIT" | "CANCELLED";
            rowCount: number;
            jobId: string | null;
            jobEnded: boolean;
        } | {
            /** @constant */
            type: "error";
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "CSRF" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "CONFLICT" | "FLINK_UNREACHABLE" | "FLINK_REJECTED" | "NOT_FLINK" | "YARN_UNREACHABLE" | "NOT_YARN" | "YARN_QUEUE_UNKNOWN" | "NOT_YET_SUPPORTED" | "DIRECTORY_UNAVAILABLE" | "INTERNAL";
                message: string;
                details?: unknown;
            };
        };
        RunSavepoint: {
            id: string;
            runId: string;
            taskId: string;
            /** @enum {string} */
            kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED";
            path: string | null;
            triggerId: string | null;
            failure: string | null;
            createdAt: number;
            completedAt: number | null;
            takenBy: string | null;
            disposedAt: number | null;
            disposedBy: string | null;
        };
        SavepointCatalogEntry: {
            id: string;
            runId: string;
            taskId: string;
            /** @enum {string} */
            kind: "SAVEPOINT" | "STOP_WITH_SAVEPOINT" | "CHECKPOINT";
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED" | "DISPOSED" | "MISSING";
            path: string | null;
            triggerId: string | null;
            failure: string | null;
            createdAt: number;
            completedAt: number | null;
            takenBy: string | null;
            disposedAt: number | null;
            disposedBy: string | null;
            /** @enum {string} */
            source: "weir" | "flink";
            flinkJobId: string;
            taskVersion: number | null;
            sizeBytes: number | null;
            format: string | null;
        };
        SavepointRetentionPolicy: {
            /** @description Keep the newest N completed savepoints. */
            keepLast: number;
            /** @description Keep those completed within this many milliseconds. */
            keepForMs?: number;
        } | {
            /** @description Keep the newest N completed savepoints. */
            keepLast?: number;
            /** @description Keep those completed within this many milliseconds. */
            keepForMs: number;
        };
        SavepointRetentionPlan: {
            keep: {
                id: string;
                path: string;
                completedAt: number;
                reason: string;
            }[];
            dispose: {
                id: string;
                path: string;
                completedAt: number;
                reason: string;
            }[];
        };
        SavepointSchedule: {
            intervalMs: number;
        } | {
            cron: string;
        };
        SavepointPolicy: {
            schedule: components["schemas"]["SavepointSchedule"] | null;
            retention: components["schemas"]["SavepointRetentionPolicy"] | null;
        };
        SavepointPolicyView: {
            schedule: components["schemas"]["SavepointSchedule"] | null;
            retention: components["schemas"]["SavepointRetentionPolicy"] | null;
            nextDueAt: number | null;
            updatedBy: string | null;
            updatedAt: number | null;
        };
        SavepointDisposalResult: {
            disposed: {
                id: string;
                path: string;
            }[];
            failed: {
                id: string;
                path: string;
                error: string;
            }[];
            kept: number;
        };
        OperationResult: {
            /** @enum {string} */
            action: "submit" | "online" | "offline" | "stop" | "cancel" | "savepoint" | "restart" | "refresh";
            taskId: string;
            /** @enum {string} */
            lifecycle: "DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE";
            runId: string | null;
            status: string | null;
            newRunId: string | null;
            flinkJobId: string | null;
            savepoint: components["schemas"]["RunSavepoint"] | null;
            restoredFrom: string | null;
            message: string;
        };
        BulkOperationItem: {
            taskId: string;
            taskName: string | null;
            ok: boolean;
            result: components["schemas"]["OperationResult"] | null;
            error: {
                code: string;
                message: string;
            } | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    loginMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginMethods"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ldapLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            username: string;
                            displayName: string | null;
                            /** @enum {string} */
                            role: "admin" | "operator" | "viewer";
                            /** @enum {string} */
                            globalRole: "admin" | "operator" | "viewer" | "none";
                            teams: components["schemas"]["TeamMembership"][];
                            /** @enum {string} */
                            authSource: "local" | "oidc" | "ldap" | "token";
                            disabled: boolean;
                            createdAt: number;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    displayName?: string;
                    password: string;
                    /** @enum {string} */
                    role: "admin" | "operator" | "viewer" | "none";
                    teams?: {
                        teamId: string;
                        /** @enum {string} */
                        role: "admin" | "operator" | "viewer";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "admin" | "operator" | "viewer" | "none";
                    displayName?: string;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiToken"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    role: "admin" | "operator" | "viewer";
                    teamId?: string;
                    expiresAt?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["ApiToken"];
                        secret: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startSingleSignOn: {
        parameters: {
            query?: {
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a redirect to the provider, the page asked for, or the login page with sso_error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    completeSingleSignOn: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                iss?: string;
                error?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a redirect to the provider, the page asked for, or the login page with sso_error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    myPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPreferences"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserPreferencesRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPreferences"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeams: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTeamMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamMemberList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "admin" | "operator" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamMember"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listClusters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Cluster"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createCluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uri */
                    restUrl: string;
                    /** Format: uri */
                    gatewayUrl?: string;
                    /** Format: uri */
                    historyUrl?: string;
                    description?: string;
                    teamId?: string | null;
                    auth?: components["schemas"]["ClusterAuthRequestInput"];
                    yarn?: {
                        hadoopConfDir: string;
                        queue: string;
                        /** @enum {string} */
                        flinkVersion: "1.20.0" | "1.20.1";
                    };
                    /** @enum {string} */
                    kind?: "session" | "yarn";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uri */
                    restUrl?: string;
                    /** Format: uri */
                    gatewayUrl?: string;
                    /** Format: uri */
                    historyUrl?: string;
                    description?: string;
                    teamId?: string | null;
                    auth?: components["schemas"]["ClusterAuthRequestInput"] | null;
                    yarn?: {
                        hadoopConfDir: string;
                        queue: string;
                        /** @enum {string} */
                        flinkVersion: "1.20.0" | "1.20.1";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    startYarnSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartYarnSessionRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    stopYarnSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StopYarnSessionRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopYarnSessionResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getClusterPushToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterPushToken"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotateClusterPushToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterPushToken"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                actor?: string;
                action?: string;
                targetType?: string;
                targetId?: string;
                teamId?: string;
                from?: number;
                to?: number;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlertChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertChannel"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAlertChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertChannelRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertChannel"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAlertChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertChannel"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replaceAlertChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertChannelRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertChannel"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAlertChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    testAlertChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertTestResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlertRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertRule"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    teamId?: string | null;
                    /** @default true */
                    enabled?: boolean;
                    condition: components["schemas"]["AlertConditionInput"];
                    scope?: components["schemas"]["AlertScopeInput"];
                    /** @default [] */
                    channelIds?: string[];
                    /** @default null */
                    renotifyIntervalMs?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateAlertRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                    condition?: components["schemas"]["AlertConditionInput"];
                    scope?: components["schemas"]["AlertScopeInput"];
                    channelIds?: string[];
                    renotifyIntervalMs?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlertSilences: {
        parameters: {
            query?: {
                includeEnded?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertSilence"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createAlertSilence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default null */
                    ruleId?: string | null;
                    /** @default null */
                    taskId?: string | null;
                    teamId?: string | null;
                    endsAt: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertSilence"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    endAlertSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlertHistory: {
        parameters: {
            query?: {
                taskId?: string;
                runId?: string;
                ruleId?: string;
                channelId?: string;
                incidentId?: string;
                status?: "PENDING" | "SENDING" | "SENT" | "FAILED" | "GAVE_UP" | "SUPPRESSED" | "CANCELED";
                kind?: "FIRING" | "RESOLVED" | "RENOTIFY" | "TEST";
                from?: number;
                to?: number;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertDelivery"][];
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listAlertIncidents: {
        parameters: {
            query?: {
                state?: "FIRING" | "RESOLVED";
                taskId?: string;
                runId?: string;
                ruleId?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertIncident"][];
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOverviewCounts: {
        parameters: {
            query?: {
                lifecycle?: string | string[];
                clusterId?: string | string[];
                teamId?: string | string[];
                mode?: "STREAMING" | "BATCH";
                health?: string | string[];
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewCounts"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listOverviewTasks: {
        parameters: {
            query?: {
                lifecycle?: string | string[];
                clusterId?: string | string[];
                teamId?: string | string[];
                mode?: "STREAMING" | "BATCH";
                health?: string | string[];
                q?: string;
                status?: string | string[];
                sort?: "name" | "lifecycle" | "executionMode" | "cluster" | "flinkJobId" | "status" | "startTime" | "durationMs" | "restartCount" | "owner" | "health";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewTaskPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTaskRuns: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewRunPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunGraph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunGraph"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCheckpoints"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunExceptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunExceptions"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunConfiguration"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCluster"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunLogs: {
        parameters: {
            query?: {
                component?: "jobmanager" | "taskmanager";
                tm?: string;
                kind?: "log" | "stdout" | "threaddump";
                name?: string;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunLogPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunSql: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunSql"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunLineage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunLineage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listRunLogCaptures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunLogCaptures"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    captureRunLogs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaptureLogsRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogCapture"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunLogCapturePart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
                captureId: string;
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogCapturePartText"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                q?: string;
                lifecycle?: ("DEVELOP" | "PUBLISHED" | "ONLINE" | "OFFLINE")[];
                kind?: ("SQL" | "JAR" | "EXTERNAL")[];
                clusterId?: string;
                teamId?: string;
                sort?: "name" | "lifecycle" | "executionMode" | "latestStatus" | "latestStartTime" | "createdAt" | "updatedAt";
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TaskListItem"][];
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "SQL" | "JAR";
                    clusterId: string;
                    teamId?: string;
                    /**
                     * @default STREAMING
                     * @enum {string}
                     */
                    executionMode?: "STREAMING" | "BATCH";
                    owner?: string | null;
                    description?: string | null;
                    sql?: string;
                    jar?: components["schemas"]["JarSpecInput"];
                    config?: {
                        parallelism?: number;
                        checkpointIntervalMs?: number | null;
                        /** @enum {string} */
                        savepointStrategy?: "none" | "latest" | "earliest" | "path";
                        savepointPath?: string | null;
                        flinkOptions?: {
                            [key: string]: string;
                        };
                        alertGroup?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    clusterId?: string;
                    /** @enum {string} */
                    executionMode?: "STREAMING" | "BATCH";
                    owner?: string | null;
                    description?: string | null;
                    sql?: string;
                    jar?: components["schemas"]["JarSpecInput"];
                    config?: {
                        parallelism?: number;
                        checkpointIntervalMs?: number | null;
                        /** @enum {string} */
                        savepointStrategy?: "none" | "latest" | "earliest" | "path";
                        savepointPath?: string | null;
                        flinkOptions?: {
                            [key: string]: string;
                        };
                        alertGroup?: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    publishTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @description Publish a SQL script even if its cluster's SQL Gateway cannot be reached to validate it (recorded in the audit). A gateway that answers still validates, and a script it rejects is still refused. */
                    unvalidated?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskVersion"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTaskVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TaskVersion"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    compareTaskVersions: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskVersionComparison"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTaskVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskVersion"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    checkSqlSyntax: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlSyntaxRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SqlSyntaxCheck"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    validateTaskSql: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlScriptRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SqlValidation"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    browseTaskSqlCatalog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlCatalogRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SqlCatalog"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewTaskSql: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlPreviewRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SqlPreview"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    streamTaskSqlPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlPreviewRequestInput"];
            };
        };
        responses: {
            /** @description One SqlPreviewEvent per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["SqlPreviewEvent"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getGlobalLineage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GlobalLineage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    searchLineageTables: {
        parameters: {
            query?: {
                q?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineageTableSearch"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTableLineage: {
        parameters: {
            query?: {
                depth?: number;
            };
            header?: never;
            path: {
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TableLineage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    taskOnline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    savepointStrategy?: "none" | "latest" | "earliest" | "path";
                    savepointPath?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    taskOffline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    withSavepoint: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    bulkTaskOperation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "online" | "offline";
                    taskIds: string[];
                    /**
                     * @default default
                     * @enum {string}
                     */
                    from?: "default" | "latest-savepoint";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BulkOperationItem"][];
                        succeeded: number;
                        failed: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    stopRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    withSavepoint: boolean;
                    drain?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    triggerRunSavepoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    restartRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    from: "none" | "latest-checkpoint" | "latest-savepoint" | "savepoint";
                    savepointPath?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refreshRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listRunSavepoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RunSavepoint"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listTaskSavepoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SavepointCatalogEntry"][];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    previewSavepointRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavepointRetentionPolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavepointRetentionPlan"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    applySavepointRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavepointRetentionPolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavepointDisposalResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getSavepointPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavepointPolicyView"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putSavepointPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavepointPolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavepointPolicyView"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunMetricSelection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricSelection"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    putRunMetricSelection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    series: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricSelection"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunMetrics: {
        parameters: {
            query: {
                series: string;
                from?: number;
                to?: number;
                maxPoints?: number;
            };
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricSeriesPage"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getRunAvailableMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailableMetrics"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
        };
    };
    getRunHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunHealth"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getTaskHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskHealth"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setTaskAutoRestart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoRestartPolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskHealth"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    setTaskHealthChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HealthCheckSettingsInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskHealth"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    uploadJar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JarFile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Default Response */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
