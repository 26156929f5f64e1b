// Generated from openapi.json by openapi-typescript: UPDATE_CLIENT=1 and the client freshness spec.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the providers and what each supports (the capability matrix) */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apps (an app key sees only its own app) */
        get: operations["listApps"];
        put?: never;
        /** Create an app (one vendor account) */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an app */
        get: operations["getApp"];
        put?: never;
        post?: never;
        /** Delete an app and its API keys */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        /** Change an app’s name or config */
        patch: operations["updateApp"];
        trace?: never;
    };
    "/v1/apps/{appId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the app’s API keys (never the keys themselves) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key for the app (the key is shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/before-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app’s before-callback policy (the decision endpoint secret is never shown) */
        get: operations["getBeforePolicy"];
        /** Replace the before-callback policy: rules, decision endpoint, fallback; checked against what the app’s vendor can do */
        put: operations["putBeforePolicy"];
        post?: never;
        /** Delete the before-callback policy (every before-callback is allowed again) */
        delete: operations["deleteBeforePolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/before-policy/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new signing secret for the decision endpoint (the old one stops at once) */
        post: operations["rotateBeforePolicySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/before-policy/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the rules (of the stored policy or of one given) decide for a unified event, and which rule decided; the decision endpoint is not called */
        post: operations["dryRunBeforePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/callbacks/{provider}/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vendor callback endpoint (configure it in the vendor console)
         * @description Verified by the vendor's signature (Easemob `security`, Tencent `Sign`), not by bearer token. Answered in the vendor's own format, and only after the callback and its unified events are stored.
         */
        post: operations["receiveCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored unified events, oldest first, with filters and cursor pagination */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: each new event as it is stored (`id:` is the event id)
         * @description Same filters as the list. Starts with events stored from now on, or after `cursor`; a reconnecting client sends `Last-Event-ID` and resumes after it. A comment line every 15 s keeps proxies from closing it.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unified event */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schema/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The JSON Schema (2020-12) of a unified event
         * @description The same document as `packages/types/schema/unified-event.schema.json`. The root describes an event as the events API returns it and webhooks deliver it; `$defs.UnifiedEventDraft` is what a provider normalizer yields.
         */
        get: operations["getEventSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message through the app’s vendor (unified send) */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sent message: the request and one result per recipient */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/messages/{messageId}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recall a sent message at the vendor */
        post: operations["recallMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List endpoints */
        get: operations["listEndpoints"];
        put?: never;
        /** Subscribe an endpoint to unified events: an HTTP receiver, or a RabbitMQ exchange, NATS JetStream subject or Redis stream (the signing secret is in the answer) */
        post: operations["createEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an endpoint */
        get: operations["getEndpoint"];
        put?: never;
        post?: never;
        /** Delete an endpoint (its pending deliveries are cancelled) */
        delete: operations["deleteEndpoint"];
        options?: never;
        head?: never;
        /** Change an endpoint, pause or resume it */
        patch: operations["updateEndpoint"];
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signing secret */
        get: operations["getEndpointSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret (the previous one keeps signing beside it for 24 h) */
        post: operations["rotateEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry every failed delivery of the endpoint since a time */
        post: operations["recoverEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of an endpoint, oldest first */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempt log */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attempt a delivery again now */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the endpoint a made-up message.sent event (data.test: true), whatever its event types */
        post: operations["sendTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/events/{eventId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver an event again to every enabled endpoint that subscribes to it */
        post: operations["redeliverEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bridges */
        get: operations["listBridges"];
        put?: never;
        /** Bridge two apps: relay messages between them during a migration (admin) */
        post: operations["createBridge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bridge */
        get: operations["getBridge"];
        put?: never;
        post?: never;
        /** Delete a bridge with its id tables and relay records */
        delete: operations["deleteBridge"];
        options?: never;
        head?: never;
        /** Change a bridge, pause or resume it */
        patch: operations["updateBridge"];
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Relay progress: counts by kind and conversation, lag, last error */
        get: operations["getBridgeStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dual-send: one message to both sides of the bridge (ids in source-app terms) */
        post: operations["sendBridgeMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/mappings/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an id table */
        get: operations["listMappings"];
        /** Replace an id table (rows checked against each vendor’s id rules; bad rows reported) */
        put: operations["replaceMappings"];
        /** Add rows to an id table (a row replaces the one with its source id) */
        post: operations["mergeMappings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/relays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List relays (filter by status, or find the relays of one message by its vendor id) */
        get: operations["listRelays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/relays/{relayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A relay with its attempts */
        get: operations["getRelay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/relays/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry relays now: by id, or every failed and unmapped one (after a mapping upload) */
        post: operations["retryRelays"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a bridge's migration jobs */
        get: operations["listMigrations"];
        put?: never;
        /** Start a migration job: move the source's directory and history to the target (admin) */
        post: operations["createMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A migration job with its progress per kind and its report */
        get: operations["getMigration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's items (the plan of a dry run), with their status, reason and error */
        get: operations["listMigrationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a job (between two batches) */
        post: operations["pauseMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused or failed job from where it stopped */
        post: operations["resumeMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job (between two batches); its items are kept */
        post: operations["cancelMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bridges/{bridgeId}/migrations/{jobId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry failed items (all, of one kind, or by id); ids are mapped again */
        post: operations["retryMigrationItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's reconciliation runs, oldest first */
        get: operations["listReconciliations"];
        put?: never;
        /** Reconcile a window: read the vendor's history and recover the messages callbacks missed */
        post: operations["createReconciliation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/reconciliations/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One reconciliation run: progress and report */
        get: operations["getReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no dependency checked) */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and, when configured, Redis answer */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness, as `/health/ready` (kept for existing probes) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "message.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.sent` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageSentEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.send.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.send.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageSendRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.send.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.send.failed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageSendFailedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.recalled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.recalled` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageRecalledEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.edited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.edited` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageEditedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.read` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageReadEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.delivered` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageDeliveredEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.blocked` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageBlockedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.moderated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.moderated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageModeratedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.reaction.changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.reaction.changed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageReactionChangedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.extension.changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.extension.changed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessageExtensionChangedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.push.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `message.push.completed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveMessagePushCompletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `conversation.read` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveConversationReadEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "thread.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `thread.created` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveThreadCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "thread.create.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `thread.create.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveThreadCreateRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "thread.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `thread.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveThreadUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "thread.destroyed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `thread.destroyed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveThreadDestroyedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.created` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.create.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.create.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupCreateRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.destroyed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.destroyed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupDestroyedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.full": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.full` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupFullEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.attributes.changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.attributes.changed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAttributesChangedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.joined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.joined` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberJoinedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.left": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.left` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberLeftEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.banned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.banned` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberBannedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.unbanned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.unbanned` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberUnbannedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.muted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.muted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberMutedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.unmuted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.unmuted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberUnmutedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.member.presence.changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.member.presence.changed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMemberPresenceChangedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.join.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.join.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupJoinRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.invite.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.invite.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupInviteRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.invitation.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.invitation.sent` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupInvitationSentEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.invitation.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.invitation.declined` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupInvitationDeclinedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.admin.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.admin.added` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAdminAddedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.admin.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.admin.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAdminRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.owner.transferred": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.owner.transferred` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupOwnerTransferredEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.announcement.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.announcement.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAnnouncementUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.announcement.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.announcement.deleted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAnnouncementDeletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.file.uploaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.file.uploaded` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupFileUploadedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.file.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.file.deleted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupFileDeletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.allowlist.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.allowlist.added` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAllowlistAddedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.allowlist.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.allowlist.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupAllowlistRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.muted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.muted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupMutedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.unmuted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.unmuted` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupUnmutedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.blocked` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupBlockedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "group.unblocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `group.unblocked` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveGroupUnblockedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.response.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.response.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactResponseRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.added` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactAddedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.declined` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactDeclinedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.blocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.blocked` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactBlockedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.unblocked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `contact.unblocked` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveContactUnblockedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "follow.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `follow.added` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveFollowAddedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "follow.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `follow.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveFollowRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.online": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `user.online` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveUserOnlineEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `user.offline` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveUserOfflineEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.profile.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `user.profile.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveUserProfileUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.created` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.create.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.create.requested` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountCreateRequestedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.updated` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.destroyed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.destroyed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountDestroyedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.subscriber.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.subscriber.added` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountSubscriberAddedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "official_account.subscriber.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `official_account.subscriber.removed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveOfficialAccountSubscriberRemovedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "app.alert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `app.alert` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveAppAlertEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "reconciliation.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `reconciliation.completed` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveReconciliationCompletedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "provider.unknown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `provider.unknown` delivered to an endpoint
         * @description A signed POST to a subscribed endpoint (Standard Webhooks headers, or CloudEvents per the endpoint). Answer 2xx to acknowledge; anything else is retried.
         */
        post: operations["receiveProviderUnknownEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        SyncToSenderSupportDto: {
            /** @description Targets where the sender's devices can be sent a copy. */
            on: ("user" | "group" | "chatroom")[];
            /** @description Targets where the sender's devices can be left out. */
            off: ("user" | "group" | "chatroom")[];
        };
        SendOptionSupportDto: {
            /** @description Targets that take `options.priority`. */
            priority: ("user" | "group" | "chatroom")[];
            /** @description Targets that take `options.recipients` (targeted messages). */
            recipients: ("user" | "group" | "chatroom")[];
            /** @description Targets that take `options.onlineOnly: true`. */
            onlineOnly: ("user" | "group" | "chatroom")[];
            /** @description Where each value of `options.syncToSender` applies. */
            syncToSender: components["schemas"]["SyncToSenderSupportDto"];
            /** @description Whether `to: { type: "chatroom", all: true }` (every chat room) is supported. */
            broadcast: boolean;
        };
        SendCapabilitiesDto: {
            /** @description Target kinds a message can be sent to. */
            targets: ("user" | "group" | "chatroom")[];
            /** @description Content types a message can carry. */
            contents: ("text" | "image" | "audio" | "video" | "file" | "location" | "command" | "custom" | "face")[];
            /**
             * @description Content fields the vendor cannot carry, by content type; a send that sets one is refused (422).
             * @example {
             *       "image": [
             *         "format",
             *         "variants"
             *       ]
             *     }
             */
            unsupportedContentFields: {
                [key: string]: string[];
            };
            /** @description Which targets each send option applies to. */
            options: components["schemas"]["SendOptionSupportDto"];
        };
        ReceiveCapabilitiesDto: {
            /** @description Content types the vendor callbacks yield (any vendor may also yield `unknown`). */
            contents: ("text" | "image" | "audio" | "video" | "file" | "location" | "command" | "custom" | "face" | "unknown")[];
        };
        RecallCapabilitiesDto: {
            /** @description Target kinds whose messages can be recalled. */
            targets: ("user" | "group" | "chatroom")[];
            /** @description Whether a chat-room broadcast can be recalled. */
            broadcast: boolean;
        };
        VendorApiLimitDto: {
            /**
             * @description The vendor API the budget applies to.
             * @example messages/users
             */
            api: string;
            /**
             * @description What is counted: calls, or messages (one per recipient).
             * @enum {string}
             */
            unit: "calls" | "messages";
            /**
             * @description How many units fit in the window.
             * @example 100
             */
            points: number;
            /**
             * @description The window, in seconds.
             * @example 1
             */
            perSeconds: number;
        };
        ProviderLimitsDto: {
            /**
             * @description Recipients per vendor call, by what is counted (users, groups, chatrooms).
             * @example {
             *       "users": 600,
             *       "groups": 3,
             *       "chatrooms": 10
             *     }
             */
            batchSizes: {
                [key: string]: number;
            };
            /** @description The most members a targeted message (`options.recipients`) may name. */
            maxTargetedRecipients: number;
            /** @description The vendor's ceiling on one message's payload, in bytes. */
            maxMessageBytes: number;
            /** @description Per-app rate limits of the send and recall APIs. */
            rateLimits: components["schemas"]["VendorApiLimitDto"][];
        };
        IdRuleDto: {
            /**
             * @description The longest id, in UTF-8 bytes.
             * @example 64
             */
            maxBytes: number;
            /**
             * @description A regular expression (ECMAScript, `u` flag, anchored with ^…$) every id must match; absent when the vendor documents none.
             * @example ^[a-z0-9_.-]+$
             */
            pattern?: string;
            /**
             * @description The rule in words, as error messages give it.
             * @example a-z, 0-9, _ - . (lower case)
             */
            description: string;
        };
        IdRulesDto: {
            /** @description What a user id must be. */
            user: components["schemas"]["IdRuleDto"];
            /** @description What a group id must be. */
            group: components["schemas"]["IdRuleDto"];
            /** @description What a chat-room id must be. */
            chatroom: components["schemas"]["IdRuleDto"];
        };
        ConfigurableWaitDto: {
            /**
             * @description The shortest wait accepted, in milliseconds.
             * @example 100
             */
            minMs: number;
            /**
             * @description The longest wait accepted, in milliseconds.
             * @example 10000
             */
            maxMs: number;
        };
        BeforeCommandSupportDto: {
            /**
             * @description The vendor's name for the before-callback, as events' `data.vendorKind` gives it.
             * @example C2C.CallbackBeforeSendMsg
             */
            vendorKind: string;
            /**
             * @description The `.requested` event the command yields.
             * @example message.send.requested
             */
            eventType: string;
            /** @description The vendor stops the operation when the gateway denies it. */
            deny: boolean;
            /** @description The sender is shown a deny's reason. */
            denyReason: boolean;
            /** @description What a modify may change: the text of text contents, any content, the ext. Empty: no modify. */
            modify: ("text" | "contents" | "ext")[];
        };
        BeforeCallbackCapabilitiesDto: {
            /**
             * @description How long the vendor waits for an answer by default, in milliseconds.
             * @example 2000
             */
            timeoutMs: number;
            /** @description What the vendor does when no answer comes in time, from its docs. */
            onTimeout: string;
            /** @description The waits an app may set in the vendor’s console, in milliseconds (then tell the gateway with the before-policy’s `vendorWaitMs`); null: the wait is fixed at `timeoutMs`. */
            configurableWait: components["schemas"]["ConfigurableWaitDto"] | null;
            /** @description Every before-callback and the decisions it honours. */
            commands: components["schemas"]["BeforeCommandSupportDto"][];
        };
        ProviderCapabilitiesDto: {
            /** @description Conversation kinds the vendor callbacks produce. */
            conversations: ("direct" | "group" | "chatroom" | "thread")[];
            /** @description What a send can target, carry and ask for. */
            send: components["schemas"]["SendCapabilitiesDto"];
            /** @description What arrives from the vendor. */
            receive: components["schemas"]["ReceiveCapabilitiesDto"];
            /** @description What can be recalled. */
            recall: components["schemas"]["RecallCapabilitiesDto"];
            /** @description The vendor's batch sizes, payload ceiling and rate limits. */
            limits: components["schemas"]["ProviderLimitsDto"];
            /** @description What the vendor accepts as an id of each kind: used to validate mapping tables and ids before they reach the vendor. */
            ids: components["schemas"]["IdRulesDto"];
            /** @description The before-callbacks the vendor sends and which decisions (deny, modify) each honours. */
            before: components["schemas"]["BeforeCallbackCapabilitiesDto"];
        };
        ProviderResponseDto: {
            /**
             * @description The name apps use in `provider` and callback URLs.
             * @example easemob
             */
            name: string;
            /**
             * @description A name for people.
             * @example Easemob
             */
            displayName: string;
            /** @description What the vendor supports, as the provider declares it. */
            capabilities: components["schemas"]["ProviderCapabilitiesDto"];
        };
        ProviderListResponseDto: {
            /** @description Every provider the gateway runs, by name. */
            data: components["schemas"]["ProviderResponseDto"][];
        };
        AppRetentionDto: {
            /** @description Days events (with their finished deliveries) are kept; 0 keeps them for ever. Absent: the gateway's default. */
            events?: number;
            /** @description Days raw vendor callbacks are kept; 0 keeps them for ever. Absent: the gateway's default. */
            callbacks?: number;
            /** @description Days delivery and relay attempt logs are kept; 0 keeps them for ever. Absent: the gateway's default. */
            attempts?: number;
            /** @description Days finished relays (the message-id pairs are kept regardless) are kept; 0 keeps them for ever. Absent: the gateway's default. */
            relays?: number;
            /** @description Days send records are kept; 0 keeps them for ever. Absent: the gateway's default. */
            messages?: number;
        };
        AppReconcileDto: {
            /** @description Whether runs are scheduled for this app. */
            enabled: boolean;
            /** @description Minutes between scheduled runs (each covers that much history). Absent: the provider's default. */
            everyMinutes?: number;
            /** @description How long after a window ends it is read: the vendor's export must be complete by then. Absent: the provider's default (Easemob 1440, Tencent 120). */
            delayMinutes?: number;
        };
        AppCreateDto: {
            /**
             * @description A name for people: shown in lists and logs.
             * @example shop
             */
            name: string;
            /**
             * @description The vendor this app talks to.
             * @example easemob
             * @enum {string}
             */
            provider: "easemob" | "tencent";
            /**
             * @description The vendor account, validated by the provider's rules. Secret fields are stored encrypted and never returned.
             * @example {
             *       "orgName": "1102190223222824",
             *       "appName": "lxml",
             *       "clientId": "YXA6…",
             *       "clientSecret": "YXA6…",
             *       "callbackSecret": "s3cret"
             *     }
             */
            config: {
                [key: string]: unknown;
            };
            /** @description Retention periods overriding the gateway's defaults. */
            retention?: components["schemas"]["AppRetentionDto"];
            /** @description Scheduled reconciliation; absent: off. */
            reconcile?: components["schemas"]["AppReconcileDto"];
        };
        AppResponseDto: {
            /**
             * @description The app id (UUIDv7).
             * @example 0193a5b2-7c1e-7cc3-9a4e-3f1b2c3d4e5f
             */
            id: string;
            /**
             * @description The name.
             * @example shop
             */
            name: string;
            /**
             * @description The vendor.
             * @example easemob
             */
            provider: string;
            /**
             * @description Where the vendor must send callbacks for this app (configure it in the vendor console).
             * @example https://gw.example.com/callbacks/easemob/0193a5b2-…
             */
            callbackUrl: string;
            /** @description The provider config without secret fields. */
            config: {
                [key: string]: unknown;
            };
            /**
             * @description Which secret fields are set (their values are never returned).
             * @example [
             *       "clientSecret",
             *       "callbackSecret"
             *     ]
             */
            secretsSet: string[];
            /** @description This app's retention overrides ({} when none). */
            retention: components["schemas"]["AppRetentionDto"];
            /** @description This app's scheduled reconciliation ({ enabled: false } when off). */
            reconcile: components["schemas"]["AppReconcileDto"];
            /** @description Creation time, ISO-8601. */
            createdAt: string;
            /** @description Last change, ISO-8601. */
            updatedAt: string;
        };
        AppListResponseDto: {
            /** @description One page of apps, oldest first. */
            data: components["schemas"]["AppResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        AppUpdateDto: {
            /** @description New name. */
            name?: string;
            /** @description Config fields to change; fields not given keep their value (secrets included). The result is validated as a whole. */
            config?: {
                [key: string]: unknown;
            };
            /** @description Replaces this app's retention overrides; null removes them (the defaults apply). */
            retention?: components["schemas"]["AppRetentionDto"] | null;
            /** @description Replaces the scheduled reconciliation settings; null turns scheduling off. */
            reconcile?: components["schemas"]["AppReconcileDto"] | null;
        };
        ApiKeyCreateDto: {
            /**
             * @description What the key is for, e.g. the service that uses it.
             * @example backend
             */
            name: string;
        };
        ApiKeyCreatedResponseDto: {
            /** @description The key id. */
            id: string;
            /** @description The app the key belongs to. */
            appId: string;
            /** @description The name. */
            name: string;
            /**
             * @description The first characters of the key, to tell keys apart.
             * @example imgw_k_Ab3dE
             */
            prefix: string;
            /** @description Creation time, ISO-8601. */
            createdAt: string;
            /** @description When the key was last used, ISO-8601 (updated at most once a minute). */
            lastUsedAt: string | null;
            /**
             * @description The key itself. Shown only in this response: store it now.
             * @example imgw_k_Ab3dE…
             */
            key: string;
        };
        ApiKeyResponseDto: {
            /** @description The key id. */
            id: string;
            /** @description The app the key belongs to. */
            appId: string;
            /** @description The name. */
            name: string;
            /**
             * @description The first characters of the key, to tell keys apart.
             * @example imgw_k_Ab3dE
             */
            prefix: string;
            /** @description Creation time, ISO-8601. */
            createdAt: string;
            /** @description When the key was last used, ISO-8601 (updated at most once a minute). */
            lastUsedAt: string | null;
        };
        ApiKeyListResponseDto: {
            /** @description The app’s keys, oldest first. */
            data: components["schemas"]["ApiKeyResponseDto"][];
            /** @description Always null: an app has few keys. */
            nextCursor: string | null;
        };
        BeforeRuleTextMatchDto: {
            /** @description Plain substrings; any one found in a text content matches. */
            keywords?: string[];
            /**
             * @description Regular expressions in RE2 syntax (no backreferences or lookaround), run in linear time; any one that matches a text content matches.
             * @example [
             *       "https?://\\S+"
             *     ]
             */
            patterns?: string[];
            /** @description Whether keywords and patterns (and this rule’s mask) respect case. Default false. */
            caseSensitive?: boolean;
        };
        BeforeRuleSizeMatchDto: {
            /** @description Matches messages of at least this many UTF-8 bytes (contents and ext as JSON). */
            minBytes?: number;
            /** @description Matches messages of at most this many UTF-8 bytes. */
            maxBytes?: number;
        };
        BeforeRuleMentionsMatchDto: {
            /** @description true: the message mentions everyone; false: it does not. */
            all?: boolean;
            /** @description Matches when any of these users is mentioned. */
            users?: string[];
            /** @description Matches when at least this many users are mentioned. */
            minCount?: number;
        };
        BeforeRuleMatchDto: {
            /**
             * @description Event types or patterns (`message.send.requested`, `group.*`); each must match a before-callback of the app’s vendor. Absent: every before-callback.
             * @example [
             *       "message.send.requested"
             *     ]
             */
            eventTypes?: string[];
            /** @description Conversation kinds. */
            conversationKinds?: ("direct" | "group" | "chatroom" | "thread")[];
            /** @description Conversation ids (peer user, group, chat room). */
            conversationIds?: string[];
            /** @description Sender user ids. */
            senders?: string[];
            /** @description Matches when the message has a content of any of these types. */
            contentTypes?: ("text" | "image" | "audio" | "video" | "file" | "location" | "command" | "custom" | "face" | "unknown")[];
            /** @description Text of the message’s text contents. */
            text?: components["schemas"]["BeforeRuleTextMatchDto"];
            /** @description The message’s size. */
            size?: components["schemas"]["BeforeRuleSizeMatchDto"];
            /** @description The message’s mentions (@). */
            mentions?: components["schemas"]["BeforeRuleMentionsMatchDto"];
        };
        BeforeRuleMaskDto: {
            /** @description Substrings to mask wherever they occur. */
            keywords?: string[];
            /** @description RE2 patterns whose matches are masked. */
            patterns?: string[];
            /**
             * @description What each masked character becomes. Default `*`.
             * @example *
             */
            with?: string;
        };
        BeforeRuleActionDto: {
            /**
             * @description `allow` lets the operation through; `deny` stops it (with `reason`, shown to the sender where the vendor passes one on); `modify` lets a changed message through (`mask`, `replaceText`, `dropExt`).
             * @enum {string}
             */
            type: "allow" | "deny" | "modify";
            /** @description For `deny`: why, for the sender. */
            reason?: string;
            /** @description For `modify`: every character of every match in text contents becomes `with`. */
            mask?: components["schemas"]["BeforeRuleMaskDto"];
            /** @description For `modify`: the text of every text content, replaced whole. */
            replaceText?: string;
            /** @description For `modify`: top-level `ext` keys to remove. */
            dropExt?: string[];
        };
        BeforeRuleDto: {
            /**
             * @description Unique within the policy; named by decisions, dry runs and errors.
             * @example block-links
             */
            id: string;
            /** @description What the rule applies to; `{}` matches everything. */
            match: components["schemas"]["BeforeRuleMatchDto"];
            /** @description What the rule decides. */
            action: components["schemas"]["BeforeRuleActionDto"];
        };
        BeforePolicyDecisionEndpointDto: {
            /**
             * @description Where the gateway POSTs the `.requested` event, signed like webhooks, when no rule decides. Same address rules as webhook endpoints (private addresses need ENDPOINTS_ALLOW_PRIVATE).
             * @example https://example.com/im/decide
             */
            url: string;
            /**
             * @description How long the gateway waits for the answer, in ms: at most the vendor’s wait (`vendorWaitMs` when set, else `capabilities.before.timeoutMs` of GET /v1/providers) less 50 ms. After it, `onError` decides.
             * @example 800
             */
            timeoutMs: number;
        };
        BeforePolicyResponseDto: {
            /** @description Ordered rules. */
            rules: components["schemas"]["BeforeRuleDto"][];
            /** @description The decision endpoint (its secret is never shown here), or null. */
            decisionEndpoint: components["schemas"]["BeforePolicyDecisionEndpointDto"] | null;
            /**
             * @description What applies when the endpoint gives no decision.
             * @enum {string}
             */
            onError: "allow" | "deny";
            /** @description The wait set in the vendor’s console, in ms; null: the vendor’s default wait. */
            vendorWaitMs: number | null;
            /** @description Raised by every change, secret rotation included. */
            version: number;
            /** @description Last change. */
            updatedAt: string;
        };
        BeforePolicyPutDto: {
            /** @description Ordered rules: the first whose match fits decides. Empty: only the endpoint (or allow) decides. */
            rules: components["schemas"]["BeforeRuleDto"][];
            /** @description Asked when no rule matches; absent or null: none, and such operations are allowed. */
            decisionEndpoint?: components["schemas"]["BeforePolicyDecisionEndpointDto"] | null;
            /**
             * @description What applies when the decision endpoint is slow, down or answers garbage.
             * @enum {string}
             */
            onError: "allow" | "deny";
            /**
             * @description The wait set in the vendor’s console for these callbacks, in ms, when it is not the vendor’s default: the decision endpoint’s `timeoutMs` may then be up to this less 50 ms. Only for a vendor whose wait is configurable (`capabilities.before.configurableWait` of GET /v1/providers), within its range; absent or null: the default wait. Setting it does not change the console: set the same wait there, or the vendor gives up before the gateway answers.
             * @example 3000
             */
            vendorWaitMs?: number | null;
        };
        BeforePolicySavedResponseDto: {
            /** @description Ordered rules. */
            rules: components["schemas"]["BeforeRuleDto"][];
            /** @description The decision endpoint (its secret is never shown here), or null. */
            decisionEndpoint: components["schemas"]["BeforePolicyDecisionEndpointDto"] | null;
            /**
             * @description What applies when the endpoint gives no decision.
             * @enum {string}
             */
            onError: "allow" | "deny";
            /** @description The wait set in the vendor’s console, in ms; null: the vendor’s default wait. */
            vendorWaitMs: number | null;
            /** @description Raised by every change, secret rotation included. */
            version: number;
            /** @description Last change. */
            updatedAt: string;
            /** @description The decision endpoint’s signing secret (`whsec_…`), shown only when this change gave the policy its first endpoint; POST …/before-policy/secret makes a new one. */
            secret?: string;
        };
        BeforePolicySecretResponseDto: {
            /** @description The new signing secret (`whsec_` + base64); the previous one stops signing at once. */
            secret: string;
        };
        BeforePolicyDryRunDto: {
            /**
             * @description A unified `.requested` event, as the gateway would publish it (at least `type`; `conversation`, `actor` and `message` as the rules need).
             * @example {
             *       "type": "message.send.requested",
             *       "conversation": {
             *         "type": "group",
             *         "id": "g1"
             *       },
             *       "message": {
             *         "id": "m1",
             *         "from": "alice",
             *         "to": "g1",
             *         "sentAt": "2026-01-01T00:00:00.000Z",
             *         "contents": [
             *           {
             *             "type": "text",
             *             "text": "hi"
             *           }
             *         ]
             *       },
             *       "data": {}
             *     }
             */
            event: {
                [key: string]: unknown;
            };
            /** @description An unsaved policy to try, checked as PUT checks it; absent: the stored one. */
            policy?: components["schemas"]["BeforePolicyPutDto"];
            /** @description Ask the decision endpoint when no rule matches, as a real callback would (a signed POST within its `timeoutMs`; `onError` when it gives no decision). Default false: the endpoint is not called. */
            callEndpoint?: boolean;
        };
        BeforePolicyDryRunResponseDto: {
            /** @description The decision: `{ action: "allow" }`, `{ action: "deny", reason? }` or `{ action: "modify", message: { contents, ext } }` (the whole message as it would be delivered). */
            decision: {
                [key: string]: unknown;
            };
            /** @description The rule that decided, or null. */
            ruleId: string | null;
            /**
             * @description `rule`: a rule decided; `endpoint`: the decision endpoint did (`callEndpoint`); `fallback`: it gave no decision and `onError` applied; `default`: nothing decided and the operation would be allowed.
             * @enum {string}
             */
            source: "rule" | "endpoint" | "fallback" | "default";
            /** @description For `fallback`: why the endpoint gave no decision (`timeout`, `unreachable`, `invalid_answer`, `status_<code>`). */
            error?: string;
            /** @description When the endpoint was asked: how long it took, in ms. */
            tookMs?: number;
            /** @description No rule matched and the policy has a decision endpoint: in a real callback, the endpoint would decide (a dry run does not call it). */
            endpointWouldDecide: boolean;
        };
        ConversationDto: {
            /**
             * @description Conversation kind.
             * @enum {string}
             */
            type: "direct" | "group" | "chatroom" | "thread";
            /** @description Peer user (direct), group, chat room or thread id. */
            id: string;
            /** @description For threads: the group the thread belongs to. */
            parentId?: string;
        };
        EventListResponseDto: {
            /** @description One page of events, oldest first. */
            data: components["schemas"]["UnifiedEvent"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        SendTargetDto: {
            /**
             * @description Recipient kind.
             * @enum {string}
             */
            type: "user" | "group" | "chatroom";
            /**
             * @description User, group or chat-room ids. Required unless `all` is set.
             * @example [
             *       "u2",
             *       "u3"
             *     ]
             */
            ids?: string[];
            /**
             * @description Chat rooms only: broadcast to every active chat room of the app (instead of `ids`).
             * @enum {boolean}
             */
            all?: true;
        };
        ImageVariantDto: {
            /**
             * @description Which size this is.
             * @enum {string}
             */
            kind: "original" | "large" | "thumbnail";
            /** @description Where this size can be downloaded (http or https). */
            url: string;
            /** @description Width in pixels. */
            width?: number;
            /** @description Height in pixels. */
            height?: number;
            /** @description Size in bytes. */
            size?: number;
        };
        SendOptionsDto: {
            /**
             * @description Delivery priority under load.
             * @enum {string}
             */
            priority?: "high" | "normal" | "low";
            /** @description Groups and chat rooms: only these members receive the message (targeted message). */
            recipients?: string[];
            /** @description Deliver only to recipients online now (no offline storage or push). */
            onlineOnly?: boolean;
            /** @description Also deliver to the sender's other devices. */
            syncToSender?: boolean;
        };
        MessageSendDto: {
            /**
             * @description The sending user id.
             * @example user1
             */
            from: string;
            /** @description Who receives the message. */
            to: components["schemas"]["SendTargetDto"];
            /** @description The message content (one unified MessageContent). */
            content: components["schemas"]["SendableContent"];
            /** @description Extension delivered with the message (Easemob ext; Tencent CloudCustomData as JSON). */
            ext?: {
                [key: string]: unknown;
            };
            /** @description Vendor-neutral options; one the vendor cannot honour is refused with 422. */
            options?: components["schemas"]["SendOptionsDto"];
        };
        RecipientErrorDto: {
            /**
             * @description Error code (the API error codes).
             * @example vendor_rejected
             */
            code: string;
            /** @description Human-readable reason. */
            message: string;
            /** @description The vendor's own error code, when it gave one. */
            vendorCode?: string;
        };
        RecipientResultDto: {
            /** @description User, group or chat-room id (`*` for a chat-room broadcast). */
            recipient: string;
            /**
             * @description Whether the vendor accepted the message for this recipient.
             * @enum {string}
             */
            status: "sent" | "failed";
            /** @description The vendor's message id (Easemob msg_id; Tencent MsgKey or GroupId:MsgSeq). */
            vendorMessageId?: string;
            /** @description Why it failed. */
            error?: components["schemas"]["RecipientErrorDto"];
        };
        MessageResponseDto: {
            /** @description Gateway message id (UUIDv7). */
            id: string;
            /**
             * @description The app's vendor.
             * @example easemob
             */
            provider: string;
            /**
             * @description `sent` (all recipients), `partial` (some failed), `failed`, or `recalled`.
             * @enum {string}
             */
            status: "sent" | "partial" | "failed" | "recalled";
            /** @description The sending user id. */
            from: string;
            /** @description The target as requested. */
            to: components["schemas"]["SendTargetDto"];
            /** @description The content as requested. */
            content: {
                [key: string]: unknown;
            };
            /** @description The extension as requested. */
            ext?: {
                [key: string]: unknown;
            };
            /** @description The options as requested. */
            options?: components["schemas"]["SendOptionsDto"];
            /** @description One result per recipient. */
            recipients: components["schemas"]["RecipientResultDto"][];
            /** @description When the gateway sent it (ISO-8601, ms). */
            createdAt: string;
            /** @description When it was recalled, or null. */
            recalledAt: string | null;
        };
        EndpointDestinationDto: {
            /**
             * @description `rabbitmq`: the exchange published to (`""`, the default exchange, routes by queue name).
             * @example im-events
             */
            exchange?: string;
            /**
             * @description `rabbitmq`: routing-key template; placeholders `{type}`, `{appId}`, `{conversationType}`, `{conversationId}` (default `{type}`).
             * @example {appId}.{type}
             */
            routingKey?: string;
            /**
             * @description `nats`: subject template, same placeholders (default `imgw.{appId}.{type}`).
             * @example im.{appId}.{type}
             */
            subject?: string;
            /**
             * @description `nats`: the JetStream stream that must store the messages.
             * @example IM
             */
            stream?: string;
            /**
             * @description `redis-stream`: the stream key XADD appends to.
             * @example im:events
             */
            streamKey?: string;
            /**
             * @description `redis-stream`: approximate cap on the stream length (`MAXLEN ~`); absent = unbounded.
             * @example 100000
             */
            maxLen?: number;
        };
        EndpointCreateDto: {
            /**
             * @description Where events go: `http` (POST, the default), `rabbitmq` (publish to an exchange with publisher confirms), `nats` (JetStream publish) or `redis-stream` (XADD).
             * @enum {string}
             */
            type?: "http" | "rabbitmq" | "nats" | "redis-stream";
            /**
             * @description Where events are delivered. `http`: an http(s) URL they are POSTed to; `rabbitmq`: `amqp://` or `amqps://`; `nats`: `nats://` or `tls://`; `redis-stream`: `redis://` or `rediss://`. Broker credentials in the URL are sealed and never returned. Private addresses need ENDPOINTS_ALLOW_PRIVATE; a broker must accept a connection at creation.
             * @example https://example.com/webhooks/im
             */
            url: string;
            /** @description Broker settings (not for `http`). */
            destination?: components["schemas"]["EndpointDestinationDto"];
            /**
             * @description Event types or patterns to receive (`message.*`, `group.member.*`); empty or absent = every type.
             * @example [
             *       "message.*"
             *     ]
             */
            eventTypes?: string[];
            /** @description A note for people. */
            description?: string;
            /** @description A disabled endpoint receives nothing; events meanwhile are not queued for it. */
            disabled?: boolean;
            /**
             * @description Static headers sent with every delivery (e.g. an authorization for the receiver).
             * @example {
             *       "x-tenant": "shop"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description `conversation`: events of one conversation are delivered one at a time, in the order they occurred; `none` (default): as fast as possible.
             * @enum {string}
             */
            ordering?: "none" | "conversation";
            /** @description Leave out events a migration bridge caused (`data.relay` set), so each logical message is delivered once across both vendors. Default: true when the app is on a bridge, else false. */
            excludeRelayed?: boolean;
        };
        EndpointCreatedResponseDto: {
            /** @description Endpoint id. */
            id: string;
            /** @description The app it belongs to. */
            appId: string;
            /**
             * @description Destination type.
             * @enum {string}
             */
            type: "http" | "rabbitmq" | "nats" | "redis-stream";
            /** @description Delivery URL; a broker password shows as `[redacted]`. */
            url: string;
            /** @description Broker settings (null for `http`). */
            destination: components["schemas"]["EndpointDestinationDto"] | null;
            /** @description Event type patterns; empty = every type. */
            eventTypes: string[];
            /** @description A note for people. */
            description: string;
            /** @description Whether deliveries are paused. */
            disabled: boolean;
            /** @description Why the gateway disabled it (410 Gone, failing for too long), if it did. */
            disabledReason: string | null;
            /** @description Static headers sent with every delivery. */
            headers: {
                [key: string]: string;
            };
            /**
             * @description Delivery ordering.
             * @enum {string}
             */
            ordering: "none" | "conversation";
            /** @description Whether events a migration bridge caused are left out. */
            excludeRelayed: boolean;
            /** @description Since when every attempt has failed, if so. */
            failingSince: string | null;
            /** @description Creation time. */
            createdAt: string;
            /** @description Last change. */
            updatedAt: string;
            /** @description The signing secret (`whsec_…`), for verifying `webhook-signature`. Also available from GET …/secret. */
            secret: string;
        };
        EndpointResponseDto: {
            /** @description Endpoint id. */
            id: string;
            /** @description The app it belongs to. */
            appId: string;
            /**
             * @description Destination type.
             * @enum {string}
             */
            type: "http" | "rabbitmq" | "nats" | "redis-stream";
            /** @description Delivery URL; a broker password shows as `[redacted]`. */
            url: string;
            /** @description Broker settings (null for `http`). */
            destination: components["schemas"]["EndpointDestinationDto"] | null;
            /** @description Event type patterns; empty = every type. */
            eventTypes: string[];
            /** @description A note for people. */
            description: string;
            /** @description Whether deliveries are paused. */
            disabled: boolean;
            /** @description Why the gateway disabled it (410 Gone, failing for too long), if it did. */
            disabledReason: string | null;
            /** @description Static headers sent with every delivery. */
            headers: {
                [key: string]: string;
            };
            /**
             * @description Delivery ordering.
             * @enum {string}
             */
            ordering: "none" | "conversation";
            /** @description Whether events a migration bridge caused are left out. */
            excludeRelayed: boolean;
            /** @description Since when every attempt has failed, if so. */
            failingSince: string | null;
            /** @description Creation time. */
            createdAt: string;
            /** @description Last change. */
            updatedAt: string;
        };
        EndpointListResponseDto: {
            /** @description The app’s endpoints, oldest first. */
            data: components["schemas"]["EndpointResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        EndpointUpdateDto: {
            /** @description New URL (checked like on create; the type stays). */
            url?: string;
            /** @description New broker settings, replacing the old ones (checked like on create). */
            destination?: components["schemas"]["EndpointDestinationDto"];
            /** @description New event type patterns; empty = every type. */
            eventTypes?: string[];
            /** @description New note. */
            description?: string;
            /** @description Pause (true) or resume (false) deliveries; resuming clears the reason it was disabled. */
            disabled?: boolean;
            /** @description Replaces the static headers. */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Delivery ordering.
             * @enum {string}
             */
            ordering?: "none" | "conversation";
            /** @description Leave out events a migration bridge caused (`data.relay` set), so each logical message is delivered once across both vendors. */
            excludeRelayed?: boolean;
        };
        EndpointSecretResponseDto: {
            /** @description The current signing secret (`whsec_` + base64). */
            secret: string;
            /** @description After a rotation: until when the previous secret still signs beside the new one. */
            previousSecretExpiresAt?: string | null;
        };
        EndpointRecoverDto: {
            /** @description Retry every failed delivery of this endpoint created at or after this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`). */
            since: string;
        };
        RequeuedResponseDto: {
            /** @description How many deliveries were put back in line. */
            requeued: number;
        };
        DeliveryAttemptDto: {
            /** @description Attempt id. */
            id: string;
            /** @description When the request was sent. */
            attemptedAt: string;
            /** @description HTTP status of the answer, if one came. */
            statusCode: number | null;
            /** @description How long it took, in milliseconds. */
            durationMs: number;
            /** @description The first kilobyte of the answer. */
            responseExcerpt: string | null;
            /** @description Why no usable answer came (timeout, refused, redirect…). */
            error: string | null;
        };
        DeliveryResponseDto: {
            /** @description Delivery id. */
            id: string;
            /** @description The endpoint. */
            endpointId: string;
            /** @description The event (its id is the `webhook-id`). */
            eventId: string;
            /**
             * @description State.
             * @enum {string}
             */
            status: "pending" | "delivering" | "delivered" | "failed" | "cancelled";
            /** @description Attempts made so far. */
            attempts: number;
            /** @description When the next attempt is due. */
            nextAttemptAt: string | null;
            /** @description When the last attempt was made. */
            lastAttemptAt: string | null;
            /** @description Creation time. */
            createdAt: string;
            /** @description Every attempt, oldest first (on GET of one delivery). */
            attemptLog?: components["schemas"]["DeliveryAttemptDto"][];
        };
        DeliveryListResponseDto: {
            /** @description One page of deliveries, oldest first. */
            data: components["schemas"]["DeliveryResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        TestEventResponseDto: {
            /** @description The test event (type message.sent, `data.test: true`), listed with the events. */
            eventId: string;
            /** @description Its delivery to the endpoint: follow it in the attempt log. */
            deliveryId: string;
        };
        IdAffixDto: {
            /**
             * @description Prefix of the ids on this side (default empty).
             * @example em_
             */
            prefix?: string;
            /**
             * @description Suffix of the ids on this side (default empty).
             * @example
             */
            suffix?: string;
        };
        UserMappingDto: {
            /**
             * @description `same`: user ids are equal on both sides; `affix`: the core of an id is kept and each side has its own prefix/suffix; `table`: only the uploaded user table. Rows of the user table win over `same` and `affix`.
             * @enum {string}
             */
            type: "same" | "affix" | "table";
            /** @description `affix` only: the id form on the source app. */
            source?: components["schemas"]["IdAffixDto"];
            /** @description `affix` only: the id form on the target app. */
            target?: components["schemas"]["IdAffixDto"];
        };
        BridgeCreateDto: {
            /**
             * @description A name for people (default: the two app names).
             * @example easemob → tencent
             */
            name?: string;
            /** @description The app teams migrate from. */
            sourceAppId: string;
            /** @description The app teams migrate to (another vendor, or the same one). */
            targetAppId: string;
            /**
             * @description `both` (default): messages are relayed each way; `one-way`: from source to target only.
             * @enum {string}
             */
            direction?: "one-way" | "both";
            /** @description The conversation kinds relayed (default: all three). */
            conversationKinds?: ("direct" | "group" | "chatroom")[];
            /** @description How user ids map (default `same`). */
            userMapping?: components["schemas"]["UserMappingDto"];
            /**
             * @description `active` (default) or `paused`: a paused bridge records relays and sends them when resumed.
             * @enum {string}
             */
            status?: "active" | "paused";
        };
        BridgeResponseDto: {
            /** @description Bridge id. */
            id: string;
            /** @description Name. */
            name: string;
            /** @description The source app. */
            sourceAppId: string;
            /** @description The source app's vendor. */
            sourceProvider: string;
            /** @description The target app. */
            targetAppId: string;
            /** @description The target app's vendor. */
            targetProvider: string;
            /**
             * @description Relay direction.
             * @enum {string}
             */
            direction: "one-way" | "both";
            /** @description Conversation kinds relayed. */
            conversationKinds: ("direct" | "group" | "chatroom")[];
            /** @description The user-id rule. */
            userMapping: components["schemas"]["UserMappingDto"];
            /**
             * @description Whether relays are sent now.
             * @enum {string}
             */
            status: "active" | "paused";
            /** @description Creation time. */
            createdAt: string;
            /** @description Last change. */
            updatedAt: string;
        };
        BridgeListResponseDto: {
            /** @description Bridges, oldest first. */
            data: components["schemas"]["BridgeResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        BridgeUpdateDto: {
            /**
             * @description A name for people (default: the two app names).
             * @example easemob → tencent
             */
            name?: string;
            /**
             * @description `both` (default): messages are relayed each way; `one-way`: from source to target only.
             * @enum {string}
             */
            direction?: "one-way" | "both";
            /** @description The conversation kinds relayed (default: all three). */
            conversationKinds?: ("direct" | "group" | "chatroom")[];
            /** @description How user ids map (default `same`). */
            userMapping?: components["schemas"]["UserMappingDto"];
            /**
             * @description `active` (default) or `paused`: a paused bridge records relays and sends them when resumed.
             * @enum {string}
             */
            status?: "active" | "paused";
        };
        StatusCountsDto: {
            /** @description Waiting for an attempt (or for the bridge to resume). */
            pending: number;
            /** @description Under way now. */
            relaying: number;
            /** @description Sent to the other side. */
            relayed: number;
            /** @description Gave up (retry through the API). */
            failed: number;
            /** @description A user, group or chat room has no mapping yet. */
            unmapped: number;
            /** @description Nothing to relay (content the target cannot carry, an echo). */
            skipped: number;
            /** @description All of them. */
            total: number;
        };
        KindStatsDto: {
            /** @description Waiting for an attempt (or for the bridge to resume). */
            pending: number;
            /** @description Under way now. */
            relaying: number;
            /** @description Sent to the other side. */
            relayed: number;
            /** @description Gave up (retry through the API). */
            failed: number;
            /** @description A user, group or chat room has no mapping yet. */
            unmapped: number;
            /** @description Nothing to relay (content the target cannot carry, an echo). */
            skipped: number;
            /** @description All of them. */
            total: number;
            /** @description `message` or `recall`. */
            action: string;
            /** @description Conversation kind (direct, group, chatroom); null for recalls. */
            kind: string | null;
        };
        ConversationStatsDto: {
            /** @description Waiting for an attempt (or for the bridge to resume). */
            pending: number;
            /** @description Under way now. */
            relaying: number;
            /** @description Sent to the other side. */
            relayed: number;
            /** @description Gave up (retry through the API). */
            failed: number;
            /** @description A user, group or chat room has no mapping yet. */
            unmapped: number;
            /** @description Nothing to relay (content the target cannot carry, an echo). */
            skipped: number;
            /** @description All of them. */
            total: number;
            /** @description Conversation kind. */
            kind: string | null;
            /** @description Source conversation (`a|b` for a direct chat). */
            conversationId: string;
        };
        LagDto: {
            /** @description Median ms from the source event reaching the gateway to the copy being sent. */
            p50: number | null;
            /** @description 99th percentile, ms. */
            p99: number | null;
            /** @description Relayed messages measured (the latest 10,000). */
            samples: number;
        };
        LastErrorDto: {
            /** @description The relay. */
            relayId: string;
            /** @description What that attempt came to (pending = to be retried, failed, unmapped, …). */
            status: string;
            /** @description The error. */
            error: string;
            /** @description When the attempt was made. */
            at: string | null;
        };
        BridgeStatsResponseDto: {
            /** @description The bridge. */
            bridgeId: string;
            /** @description Every relay of the bridge by status. */
            totals: components["schemas"]["StatusCountsDto"];
            /** @description By action and conversation kind. */
            byKind: components["schemas"]["KindStatsDto"][];
            /** @description The 100 busiest conversations. */
            byConversation: components["schemas"]["ConversationStatsDto"][];
            /** @description Relay lag. */
            lagMs: components["schemas"]["LagDto"];
            /** @description The newest error of a relay that has not been relayed since (pending, failed, unmapped or skipped); null when none. */
            lastError: components["schemas"]["LastErrorDto"] | null;
        };
        IdPairDto: {
            /** @description The id on the source app. */
            source: string;
            /** @description The id on the target app. */
            target: string;
        };
        DualSendMappingDto: {
            /** @description The sender on each side. */
            from: components["schemas"]["IdPairDto"];
            /** @description Each recipient on each side, in request order. */
            to: components["schemas"]["IdPairDto"][];
            /** @description Each recipient's message id on each side (where both were sent). */
            messageIds: components["schemas"]["IdPairDto"][];
        };
        DualSendResponseDto: {
            /** @description The relay record of this dual-send (listed with the bridge’s relays). */
            relayId: string;
            /** @description The send on the source app. */
            source: components["schemas"]["MessageResponseDto"];
            /** @description The send on the target app. */
            target: components["schemas"]["MessageResponseDto"];
            /** @description How the ids mapped. */
            mapping: components["schemas"]["DualSendMappingDto"];
        };
        RejectedRowDto: {
            /** @description Row number in the upload (CSV: data line, header excluded), from 1. */
            row: number;
            /** @description The source id as sent. */
            source: string | null;
            /** @description The target id as sent. */
            target: string | null;
            /** @description Why it was refused. */
            reasons: string[];
        };
        MappingUploadReportDto: {
            /**
             * @description The table written.
             * @enum {string}
             */
            kind: "user" | "group" | "chatroom";
            /**
             * @description `replace` (PUT) or `merge` (POST).
             * @enum {string}
             */
            mode: "replace" | "merge";
            /** @description Rows in the upload. */
            received: number;
            /** @description Rows written. */
            accepted: number;
            /** @description Rows refused, with reasons; the others were written. */
            rejected: components["schemas"]["RejectedRowDto"][];
            /** @description Rows in the table now. */
            total: number;
        };
        MappingRowDto: {
            /** @description The id on the source app. */
            source: string;
            /** @description The id on the target app. */
            target: string;
            /** @description When the row was uploaded. */
            createdAt: string;
        };
        MappingListResponseDto: {
            /** @description Rows, in upload order. */
            data: components["schemas"]["MappingRowDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        RelayResponseDto: {
            /** @description Relay id. */
            id: string;
            /** @description The bridge. */
            bridgeId: string;
            /**
             * @description `message` (a send) or `recall`.
             * @enum {string}
             */
            action: "message" | "recall";
            /** @description The app the original is on. */
            sourceAppId: string;
            /** @description The app the copy goes to. */
            targetAppId: string;
            /** @description The event relayed; null for a dual-send. */
            originEventId: string | null;
            /** @description The original message's vendor id. */
            sourceMessageId: string;
            /** @description Conversation kind (direct, group, chatroom), once known. */
            conversationKind: string | null;
            /** @description Source conversation (`a|b` for a direct chat). */
            conversationId: string | null;
            /**
             * @description Where it stands.
             * @enum {string}
             */
            status: "pending" | "relaying" | "relayed" | "failed" | "unmapped" | "skipped";
            /** @description Why it is unmapped, skipped or failed. */
            reason: string | null;
            /** @description Attempts made. */
            attempts: number;
            /** @description When the next attempt is due. */
            nextAttemptAt: string | null;
            /** @description The last error. */
            lastError: string | null;
            /** @description The copies' vendor ids (a recall: the ids recalled). */
            targetMessageIds: string[];
            /** @description When the original occurred. */
            occurredAt: string;
            /** @description When the gateway received it. */
            createdAt: string;
            /** @description When the copy was sent. */
            relayedAt: string | null;
        };
        RelayListResponseDto: {
            /** @description Relays, oldest first. */
            data: components["schemas"]["RelayResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        RelayAttemptDto: {
            /** @description When the attempt started. */
            attemptedAt: string;
            /**
             * @description The relay's status after it.
             * @enum {string}
             */
            outcome: "pending" | "relaying" | "relayed" | "failed" | "unmapped" | "skipped";
            /** @description How long it took (ms). */
            durationMs: number;
            /** @description What went wrong, if anything. */
            error: string | null;
        };
        RelayDetailResponseDto: {
            /** @description Relay id. */
            id: string;
            /** @description The bridge. */
            bridgeId: string;
            /**
             * @description `message` (a send) or `recall`.
             * @enum {string}
             */
            action: "message" | "recall";
            /** @description The app the original is on. */
            sourceAppId: string;
            /** @description The app the copy goes to. */
            targetAppId: string;
            /** @description The event relayed; null for a dual-send. */
            originEventId: string | null;
            /** @description The original message's vendor id. */
            sourceMessageId: string;
            /** @description Conversation kind (direct, group, chatroom), once known. */
            conversationKind: string | null;
            /** @description Source conversation (`a|b` for a direct chat). */
            conversationId: string | null;
            /**
             * @description Where it stands.
             * @enum {string}
             */
            status: "pending" | "relaying" | "relayed" | "failed" | "unmapped" | "skipped";
            /** @description Why it is unmapped, skipped or failed. */
            reason: string | null;
            /** @description Attempts made. */
            attempts: number;
            /** @description When the next attempt is due. */
            nextAttemptAt: string | null;
            /** @description The last error. */
            lastError: string | null;
            /** @description The copies' vendor ids (a recall: the ids recalled). */
            targetMessageIds: string[];
            /** @description When the original occurred. */
            occurredAt: string;
            /** @description When the gateway received it. */
            createdAt: string;
            /** @description When the copy was sent. */
            relayedAt: string | null;
            /** @description Every attempt, oldest first. */
            attemptLog: components["schemas"]["RelayAttemptDto"][];
        };
        RelayRetryDto: {
            /** @description These relays (any status but under way); an id that is no relay of this bridge is a 404. */
            ids?: string[];
            /** @description Instead of ids: every relay of the bridge in these statuses (default failed and unmapped). */
            statuses?: ("pending" | "relaying" | "relayed" | "failed" | "unmapped" | "skipped")[];
        };
        RelayRetryResponseDto: {
            /** @description Relays put back in line. */
            requeued: string[];
        };
        MigrationUserCsvDto: {
            /** @description CSV text: one user id per line, optional header `userId` or `user_id`. */
            csv: string;
        };
        MigrationHistoryWindowDto: {
            /**
             * @description Oldest message to move (ISO-8601).
             * @example 2026-12-01T00:00:00.000Z
             */
            from: string;
            /** @description End of the window, exclusive (ISO-8601; default: when the job is created). Later messages are left to the live relay. */
            to?: string;
        };
        MigrationPasswordsDto: {
            /**
             * @description `random`: a random password per account; `fixed`: `value` for every account.
             * @enum {string}
             */
            mode: "random" | "fixed";
            /** @description `fixed` only: the password. Stored sealed, never returned. */
            value?: string;
        };
        MigrationCreateDto: {
            /**
             * @description `forward` (default): from the bridge source to its target; `reverse`: back (a `both` bridge only).
             * @enum {string}
             */
            direction?: "forward" | "reverse";
            /** @description The kinds to move (default: every kind; history only when `history` is given). Imported in the vendors' order whatever the order here. */
            scope?: ("accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists")[];
            /** @description The window of history to move; required when the scope has history. */
            history?: components["schemas"]["MigrationHistoryWindowDto"];
            /** @description Plan only: read the source, record the items and what will be skipped, import nothing. */
            dryRun?: boolean;
            /** @description The users to move (source ids): a JSON array or `{ "csv": "…" }`. Required when the source cannot list accounts (Tencent); limits the job to them otherwise. A malformed list is 400 `invalid_user_list` with `details.line`. */
            users?: string[] | components["schemas"]["MigrationUserCsvDto"];
            /** @description Passwords of imported accounts, for targets that require one (default random). */
            passwords?: components["schemas"]["MigrationPasswordsDto"];
        };
        MigrationKindProgressDto: {
            /**
             * @description Where the kind is: waiting, reading, importing, done, skipped.
             * @enum {string}
             */
            phase: "waiting" | "reading" | "importing" | "done" | "skipped";
            /** @description Items read so far. */
            total: number;
            /** @description Items imported (or already on the target). */
            done: number;
            /** @description Items skipped, with a reason. */
            skipped: number;
            /** @description Items that failed; retry them after fixing the cause. */
            failed: number;
            /** @description Items still to import. */
            pending: number;
            /** @description Items finished per second over the last minute. */
            ratePerSecond: number;
            /** @description Seconds left at that rate; null while nothing moves. */
            etaSeconds: number | null;
            /** @description Why the whole kind is skipped (the source cannot read it, or the target cannot import it), else null. */
            reason: string | null;
        };
        MigrationHistoryResponseDto: {
            /** @description Oldest message moved (ISO-8601). */
            from: string;
            /** @description End of the window, exclusive (ISO-8601). */
            to: string;
        };
        MigrationErrorDto: {
            /** @description Machine-readable code. */
            code: string;
            /** @description What went wrong. */
            message: string;
        };
        MigrationSkippedCountDto: {
            /**
             * @description The kind of the items.
             * @enum {string}
             */
            kind: "accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists";
            /** @description Why these items are skipped. */
            reason: string;
            /** @description How many items. */
            count: number;
        };
        MigrationFailedCountDto: {
            /**
             * @description The kind of the items.
             * @enum {string}
             */
            kind: "accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists";
            /** @description The error code of these items. */
            code: string;
            /** @description How many items. */
            count: number;
        };
        MigrationReportDto: {
            /** @description Skipped items by kind and reason. */
            skippedByReason: components["schemas"]["MigrationSkippedCountDto"][];
            /** @description Failed items by kind and error code. */
            failedByCode: components["schemas"]["MigrationFailedCountDto"][];
        };
        MigrationJobResponseDto: {
            /** @description The job id. */
            id: string;
            /** @description Its bridge. */
            bridgeId: string;
            /**
             * @description From the bridge source to its target, or back.
             * @enum {string}
             */
            direction: "forward" | "reverse";
            /** @description The app read from. */
            sourceAppId: string;
            /** @description The app imported into. */
            targetAppId: string;
            /** @description The kinds, in import order. */
            scope: ("accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists")[];
            /** @description The history window, or null. */
            history: components["schemas"]["MigrationHistoryResponseDto"] | null;
            /** @description A plan only: nothing is imported, its pending items are the plan. */
            dryRun: boolean;
            /**
             * @description Where the job stands.
             * @enum {string}
             */
            status: "pending" | "running" | "paused" | "cancelled" | "completed" | "failed";
            /** @description When it was created. */
            createdAt: string;
            /** @description When it last changed. */
            updatedAt: string;
            /** @description When a runner first took it. */
            startedAt: string | null;
            /** @description When it completed, failed or was cancelled. */
            finishedAt: string | null;
            /** @description Why the job failed. */
            error: components["schemas"]["MigrationErrorDto"] | null;
            /** @description Per kind of the scope. */
            progress: {
                [key: string]: components["schemas"]["MigrationKindProgressDto"];
            };
            /** @description Why items were skipped or failed, counted. */
            report: components["schemas"]["MigrationReportDto"];
        };
        MigrationJobListResponseDto: {
            /** @description Jobs, oldest first. */
            data: components["schemas"]["MigrationJobResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        MigrationItemErrorDto: {
            /** @description Machine-readable code. */
            code: string;
            /** @description What went wrong. */
            message: string;
            /** @description The vendor's own error code. */
            vendorCode?: string;
        };
        MigrationItemResponseDto: {
            /** @description The item id (for retry). */
            id: string;
            /**
             * @description Its kind.
             * @enum {string}
             */
            kind: "accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists";
            /** @description The item at the source: a user or group id, `owner→friend`, a message id. */
            sourceId: string;
            /** @description Its id on the target, when the target gave one. */
            targetId: string | null;
            /**
             * @description What became of it.
             * @enum {string}
             */
            status: "pending" | "done" | "skipped" | "failed";
            /** @description Why it is skipped. */
            reason: string | null;
            /** @description Why it failed. */
            error: components["schemas"]["MigrationItemErrorDto"] | null;
            /** @description Import attempts so far. */
            attempts: number;
            /** @description When it last changed. */
            updatedAt: string;
        };
        MigrationItemListResponseDto: {
            /** @description Items in the order they were read. */
            data: components["schemas"]["MigrationItemResponseDto"][];
            /** @description Next page cursor, or null. */
            nextCursor: string | null;
        };
        MigrationRetryDto: {
            /**
             * @description Only the failed items of this kind.
             * @enum {string}
             */
            kind?: "accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists";
            /** @description Only these failed items (ids from the item list). */
            itemIds?: string[];
        };
        ReconciliationCreateDto: {
            /**
             * @description Start of the window (inclusive), ISO-8601: messages sent from then.
             * @example 2026-12-05T10:00:00Z
             */
            from: string;
            /**
             * @description End of the window (exclusive), ISO-8601; not in the future.
             * @example 2026-12-05T11:00:00Z
             */
            to: string;
            /**
             * @description Where to read history: the vendor's hourly export (complete, available late) or conversation by conversation (at once, only the conversations the gateway has seen). Absent: the export once the window is older than the vendor's export delay, else conversations where the vendor offers them.
             * @enum {string}
             */
            source?: "export" | "conversations";
        };
        WindowDto: {
            /** @description Start (inclusive), ISO-8601. */
            from: string;
            /** @description End (exclusive), ISO-8601. */
            to: string;
        };
        UnreadableDto: {
            /** @description Why they could not be read or made into events. */
            reason: string;
            /** @description How many messages (or conversations) for this reason. */
            count: number;
            /** @description A few message ids (or conversations) it concerns. */
            examples: string[];
        };
        UnreadableSummaryDto: {
            /** @description Messages (or conversations) in all. */
            count: number;
            /** @description By reason. */
            reasons: components["schemas"]["UnreadableDto"][];
        };
        ConversationProgressDto: {
            /** @description Conversations read so far. */
            read: number;
            /** @description Conversations to read: those the gateway saw traffic in. */
            total: number;
        };
        RunErrorDto: {
            /** @description Machine-readable error code. */
            code: string;
            /** @description What went wrong. */
            message: string;
        };
        ReconciliationResponseDto: {
            /** @description The run id (UUIDv7). */
            id: string;
            /** @description The app reconciled. */
            appId: string;
            /**
             * @description Started by a request, or by the schedule.
             * @enum {string}
             */
            trigger: "manual" | "scheduled";
            /**
             * @description Where the run is.
             * @enum {string}
             */
            status: "pending" | "running" | "completed" | "failed";
            /** @description The window of history read. */
            window: components["schemas"]["WindowDto"];
            /**
             * @description Where history is read from.
             * @enum {string}
             */
            source: "export" | "conversations";
            /** @description How far the run is, 0 to 1 (1 once completed). */
            progress: number;
            /** @description Messages read from the vendor's history, each once. */
            seen: number;
            /** @description Of those, already stored (a callback brought them). */
            matched: number;
            /** @description Of those, stored now as `message.sent` (or recall) events marked `data.recovered`. */
            recovered: number;
            /** @description Messages (or conversations) that could not be read or turned into events, by reason. */
            unreadable: components["schemas"]["UnreadableSummaryDto"];
            /** @description `conversations` source: how many are read. */
            conversations?: components["schemas"]["ConversationProgressDto"];
            /** @description Why the run failed; null otherwise. */
            error: components["schemas"]["RunErrorDto"] | null;
            /** @description When the run was created, ISO-8601. */
            createdAt: string;
            /** @description When it started, ISO-8601. */
            startedAt: string | null;
            /** @description When it ended, ISO-8601. */
            finishedAt: string | null;
        };
        ReconciliationListResponseDto: {
            /** @description Runs, oldest first. */
            data: components["schemas"]["ReconciliationResponseDto"][];
            /** @description The cursor of the next page; null on the last. */
            nextCursor: string | null;
        };
        HealthResponseDto: {
            /**
             * @description `ok` when every dependency answers.
             * @example ok
             */
            status: string;
            /**
             * @description Each dependency and its state (none for liveness).
             * @example {
             *       "database": "up",
             *       "redis": "up"
             *     }
             */
            checks: Record<string, never>;
        };
        /** @description The error body every API error shares. */
        ErrorResponse: {
            /** @description What went wrong. */
            error: {
                /**
                 * @description Machine-readable cause.
                 * @enum {string}
                 */
                code: "validation_failed" | "invalid_request" | "invalid_user_list" | "invalid_destination" | "destination_unreachable" | "private_address" | "invalid_cursor" | "invalid_json" | "payload_too_large" | "unsupported_media_type" | "uri_too_long" | "headers_too_large" | "request_timeout" | "unauthorized" | "forbidden" | "not_found" | "route_not_found" | "conflict" | "idempotency_conflict" | "provider_not_found" | "provider_config_invalid" | "policy_invalid" | "window_invalid" | "capability_unsupported" | "mapping_missing" | "callback_signature_missing" | "callback_signature_invalid" | "callback_app_mismatch" | "callback_request_expired" | "callback_malformed" | "vendor_rejected" | "vendor_auth_failed" | "vendor_rate_limited" | "vendor_unavailable" | "vendor_timeout" | "rate_limited" | "dependency_unavailable" | "internal_error";
                /** @description One sentence for a person. */
                message: string;
                /** @description Per-field problems, for validation errors. */
                details?: {
                    /** @description The field (a dotted path). */
                    field: string;
                    /** @description What is wrong with it. */
                    message: string;
                }[];
            };
        };
        /**
         * UnifiedEvent
         * @description A unified im-gateway event, as the events API returns it and webhooks deliver it.
         */
        UnifiedEvent: {
            /** @description Assigned by the gateway; time-sortable (UUIDv7). */
            id: string;
            /** @description The vendor: easemob, tencent, ... */
            provider: string;
            /** @description The gateway app the callback came in for. */
            appId: string;
            /** @description ISO-8601 UTC with milliseconds, when the gateway accepted the callback. */
            receivedAt: string;
            /**
             * @description The unified event type.
             * @enum {string}
             */
            type: "message.sent" | "message.send.requested" | "message.send.failed" | "message.recalled" | "message.edited" | "message.read" | "message.delivered" | "message.blocked" | "message.moderated" | "message.reaction.changed" | "message.extension.changed" | "message.push.completed" | "conversation.read" | "thread.created" | "thread.create.requested" | "thread.updated" | "thread.destroyed" | "group.created" | "group.create.requested" | "group.destroyed" | "group.updated" | "group.full" | "group.attributes.changed" | "group.member.joined" | "group.member.left" | "group.member.removed" | "group.member.banned" | "group.member.unbanned" | "group.member.muted" | "group.member.unmuted" | "group.member.updated" | "group.member.presence.changed" | "group.join.requested" | "group.invite.requested" | "group.invitation.sent" | "group.invitation.declined" | "group.admin.added" | "group.admin.removed" | "group.owner.transferred" | "group.announcement.updated" | "group.announcement.deleted" | "group.file.uploaded" | "group.file.deleted" | "group.allowlist.added" | "group.allowlist.removed" | "group.muted" | "group.unmuted" | "group.blocked" | "group.unblocked" | "contact.requested" | "contact.response.requested" | "contact.added" | "contact.declined" | "contact.removed" | "contact.blocked" | "contact.unblocked" | "follow.added" | "follow.removed" | "user.online" | "user.offline" | "user.profile.updated" | "official_account.created" | "official_account.create.requested" | "official_account.updated" | "official_account.destroyed" | "official_account.subscriber.added" | "official_account.subscriber.removed" | "app.alert" | "reconciliation.completed" | "provider.unknown";
            /** @description ISO-8601 UTC with milliseconds, from the vendor's own timestamp. */
            occurredAt: string;
            /** @description The same for every retry of the same vendor event; unique per app. */
            dedupeKey: string;
            /** @description Where it happened. */
            conversation?: components["schemas"]["Conversation"];
            /** @description The user who caused it. */
            actor?: string;
            /** @description The users it was done to. */
            subjects?: string[];
            /** @description The message the event is about. */
            message?: components["schemas"]["UnifiedMessage"];
            /** @description Type-specific fields with no common home. */
            data: {
                /** @description Set by the gateway on an event a migration bridge caused (the relayed copy coming back): its origin. */
                relay?: {
                    /** @description The bridge that relayed the message. */
                    bridgeId: string;
                    /** @description The relay (or dual-send) that sent the copy. */
                    relayId: string;
                    /** @description The event on the other side that was relayed; null for a dual-send. */
                    originEventId: string | null;
                    /** @description The original message's vendor. */
                    originProvider: string;
                };
                /** @description Set by the gateway on a before-callback's `.requested` event when the app has a before-policy: what the vendor was told, and where the decision came from (docs/before-callbacks.md). */
                decision?: {
                    /**
                     * @description What the vendor was told.
                     * @enum {string}
                     */
                    action: "allow" | "deny" | "modify";
                    /**
                     * @description A rule, the decision endpoint, the app's onError (the endpoint failed, or decided what the command cannot do), or the default allow.
                     * @enum {string}
                     */
                    source: "rule" | "endpoint" | "fallback" | "default";
                    /** @description The rule that decided, or whose action the command could not honour. */
                    ruleId?: string;
                    /** @description A deny's reason, shown to the sender where the vendor shows one. */
                    reason?: string;
                    /** @description A modify's message as it was delivered. */
                    message?: {
                        /** @description The bodies, in order. */
                        contents: components["schemas"]["MessageContent"][];
                        /** @description The ext delivered; null or absent: none. */
                        ext?: Record<string, never> | null;
                    };
                    /** @description For fallback: timeout, unreachable, status_<code>, invalid_answer, unsupported_action or payload_too_large. */
                    error?: string;
                    /** @description Milliseconds the decision took. */
                    tookMs: number;
                };
            };
            /** @description The vendor's callback body exactly as received. */
            raw: unknown;
        };
        /** @description What a provider's normalizer yields: the event without id, appId, provider, receivedAt. */
        UnifiedEventDraft: {
            /**
             * @description The unified event type.
             * @enum {string}
             */
            type: "message.sent" | "message.send.requested" | "message.send.failed" | "message.recalled" | "message.edited" | "message.read" | "message.delivered" | "message.blocked" | "message.moderated" | "message.reaction.changed" | "message.extension.changed" | "message.push.completed" | "conversation.read" | "thread.created" | "thread.create.requested" | "thread.updated" | "thread.destroyed" | "group.created" | "group.create.requested" | "group.destroyed" | "group.updated" | "group.full" | "group.attributes.changed" | "group.member.joined" | "group.member.left" | "group.member.removed" | "group.member.banned" | "group.member.unbanned" | "group.member.muted" | "group.member.unmuted" | "group.member.updated" | "group.member.presence.changed" | "group.join.requested" | "group.invite.requested" | "group.invitation.sent" | "group.invitation.declined" | "group.admin.added" | "group.admin.removed" | "group.owner.transferred" | "group.announcement.updated" | "group.announcement.deleted" | "group.file.uploaded" | "group.file.deleted" | "group.allowlist.added" | "group.allowlist.removed" | "group.muted" | "group.unmuted" | "group.blocked" | "group.unblocked" | "contact.requested" | "contact.response.requested" | "contact.added" | "contact.declined" | "contact.removed" | "contact.blocked" | "contact.unblocked" | "follow.added" | "follow.removed" | "user.online" | "user.offline" | "user.profile.updated" | "official_account.created" | "official_account.create.requested" | "official_account.updated" | "official_account.destroyed" | "official_account.subscriber.added" | "official_account.subscriber.removed" | "app.alert" | "reconciliation.completed" | "provider.unknown";
            /** @description ISO-8601 UTC with milliseconds, from the vendor's own timestamp. */
            occurredAt: string;
            /** @description The same for every retry of the same vendor event; unique per app. */
            dedupeKey: string;
            /** @description Where it happened. */
            conversation?: components["schemas"]["Conversation"];
            /** @description The user who caused it. */
            actor?: string;
            /** @description The users it was done to. */
            subjects?: string[];
            /** @description The message the event is about. */
            message?: components["schemas"]["UnifiedMessage"];
            /** @description Type-specific fields with no common home. */
            data: {
                /** @description Set by the gateway on an event a migration bridge caused (the relayed copy coming back): its origin. */
                relay?: {
                    /** @description The bridge that relayed the message. */
                    bridgeId: string;
                    /** @description The relay (or dual-send) that sent the copy. */
                    relayId: string;
                    /** @description The event on the other side that was relayed; null for a dual-send. */
                    originEventId: string | null;
                    /** @description The original message's vendor. */
                    originProvider: string;
                };
                /** @description Set by the gateway on a before-callback's `.requested` event when the app has a before-policy: what the vendor was told, and where the decision came from (docs/before-callbacks.md). */
                decision?: {
                    /**
                     * @description What the vendor was told.
                     * @enum {string}
                     */
                    action: "allow" | "deny" | "modify";
                    /**
                     * @description A rule, the decision endpoint, the app's onError (the endpoint failed, or decided what the command cannot do), or the default allow.
                     * @enum {string}
                     */
                    source: "rule" | "endpoint" | "fallback" | "default";
                    /** @description The rule that decided, or whose action the command could not honour. */
                    ruleId?: string;
                    /** @description A deny's reason, shown to the sender where the vendor shows one. */
                    reason?: string;
                    /** @description A modify's message as it was delivered. */
                    message?: {
                        /** @description The bodies, in order. */
                        contents: components["schemas"]["MessageContent"][];
                        /** @description The ext delivered; null or absent: none. */
                        ext?: Record<string, never> | null;
                    };
                    /** @description For fallback: timeout, unreachable, status_<code>, invalid_answer, unsupported_action or payload_too_large. */
                    error?: string;
                    /** @description Milliseconds the decision took. */
                    tookMs: number;
                };
            };
            /** @description The vendor's callback body exactly as received. */
            raw: unknown;
        };
        Conversation: {
            /**
             * @description The conversation kind.
             * @enum {string}
             */
            type: "direct" | "group" | "chatroom" | "thread";
            /** @description The peer user (direct), group, chat room or thread id. */
            id: string;
            /** @description For threads: the group the thread belongs to. */
            parentId?: string;
        };
        UnifiedMessage: {
            /** @description The vendor's message id. */
            id: string;
            /** @description The sender. */
            from: string;
            /** @description User id, group id or chat-room id. */
            to: string;
            /** @description ISO-8601 UTC with milliseconds. */
            sentAt: string;
            /** @description The bodies, in order. */
            contents: components["schemas"]["MessageContent"][];
            /** @description Extension data sent with the message. */
            ext?: Record<string, never>;
            /** @description Who the message mentions. */
            mentions?: {
                /** @description Everyone was mentioned. */
                all: boolean;
                /** @description Mentioned users. */
                users: string[];
            };
            /** @description Delivered only to online recipients. */
            onlineOnly?: boolean;
            /** @description The thread it was sent in. */
            threadId?: string;
            /** @description The community topic it was sent in. */
            topicId?: string;
        };
        /** @description One message body, by `type`. */
        MessageContent: components["schemas"]["TextContent"] | components["schemas"]["ImageContent"] | components["schemas"]["AudioContent"] | components["schemas"]["VideoContent"] | components["schemas"]["FileContent"] | components["schemas"]["LocationContent"] | components["schemas"]["CommandContent"] | components["schemas"]["CustomContent"] | components["schemas"]["FaceContent"] | components["schemas"]["UnknownContent"];
        ImageVariant: {
            /**
             * @description Which size.
             * @enum {string}
             */
            kind: "original" | "large" | "thumbnail";
            /** @description Where it can be downloaded. */
            url: string;
            /** @description Pixels. */
            width?: number;
            /** @description Pixels. */
            height?: number;
            /** @description Bytes. */
            size?: number;
        };
        /** @description A `text` message body. */
        TextContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "text";
            /** @description The text. */
            text: string;
        };
        /** @description A `image` message body. */
        ImageContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "image";
            /** @description Where the file can be downloaded. */
            url: string;
            /** @description The file name. */
            name?: string;
            /** @description Bytes. */
            size?: number;
            /** @description The vendor token needed to download it, when it has one. */
            secret?: string;
            /** @description Pixels. */
            width?: number;
            /** @description Pixels. */
            height?: number;
            /** @description jpg, png, gif, bmp or other. */
            format?: string;
            /** @description Sizes the vendor stores. */
            variants?: components["schemas"]["ImageVariant"][];
        };
        /** @description A `audio` message body. */
        AudioContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "audio";
            /** @description Where the file can be downloaded. */
            url: string;
            /** @description The file name. */
            name?: string;
            /** @description Bytes. */
            size?: number;
            /** @description The vendor token needed to download it, when it has one. */
            secret?: string;
            /** @description Seconds. */
            durationSec?: number;
        };
        /** @description A `video` message body. */
        VideoContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "video";
            /** @description Where the file can be downloaded. */
            url: string;
            /** @description The file name. */
            name?: string;
            /** @description Bytes. */
            size?: number;
            /** @description The vendor token needed to download it, when it has one. */
            secret?: string;
            /** @description Seconds. */
            durationSec?: number;
            /** @description The container, such as mp4. */
            format?: string;
            /** @description A still image of the video. */
            thumbnailUrl?: string;
            /** @description The vendor token needed to download the still. */
            thumbnailSecret?: string;
            /** @description Pixels. */
            width?: number;
            /** @description Pixels. */
            height?: number;
        };
        /** @description A `file` message body. */
        FileContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "file";
            /** @description Where the file can be downloaded. */
            url: string;
            /** @description The file name. */
            name?: string;
            /** @description Bytes. */
            size?: number;
            /** @description The vendor token needed to download it, when it has one. */
            secret?: string;
        };
        /** @description A `location` message body. */
        LocationContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "location";
            /** @description Degrees. */
            latitude: number;
            /** @description Degrees. */
            longitude: number;
            /** @description For people. */
            address?: string;
        };
        /** @description A `command` message body. */
        CommandContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "command";
            /** @description What the receiving apps should do. */
            action: string;
        };
        /** @description A `custom` message body. */
        CustomContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "custom";
            /** @description Easemob customEvent. */
            event?: string;
            /** @description Easemob customExts. */
            fields?: {
                [key: string]: string;
            };
            /** @description Tencent Data. */
            data?: string;
            /** @description Tencent Desc. */
            description?: string;
            /** @description Tencent Ext. */
            extension?: string;
            /** @description Tencent Sound. */
            sound?: string;
        };
        /** @description A `face` message body. */
        FaceContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "face";
            /** @description The emoticon index. */
            index: number;
            /** @description Extra data. */
            data?: string;
        };
        /** @description A `unknown` message body. */
        UnknownContent: {
            /**
             * @description The content type. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "unknown";
            /** @description The vendor's own message type. */
            vendorType: string;
            /** @description As received. */
            raw: unknown;
        };
        /** @description One message body to send, by `type` (a unified `MessageContent` other than `unknown`). */
        SendableContent: components["schemas"]["TextContent"] | components["schemas"]["ImageContent"] | components["schemas"]["AudioContent"] | components["schemas"]["VideoContent"] | components["schemas"]["FileContent"] | components["schemas"]["LocationContent"] | components["schemas"]["CommandContent"] | components["schemas"]["CustomContent"] | components["schemas"]["FaceContent"];
        /** @description A `message.sent` event as an endpoint receives it. */
        MessageSentEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.sent";
        };
        /** @description A `message.send.requested` event as an endpoint receives it. */
        MessageSendRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.send.requested";
        };
        /** @description A `message.send.failed` event as an endpoint receives it. */
        MessageSendFailedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.send.failed";
        };
        /** @description A `message.recalled` event as an endpoint receives it. */
        MessageRecalledEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.recalled";
        };
        /** @description A `message.edited` event as an endpoint receives it. */
        MessageEditedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.edited";
        };
        /** @description A `message.read` event as an endpoint receives it. */
        MessageReadEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.read";
        };
        /** @description A `message.delivered` event as an endpoint receives it. */
        MessageDeliveredEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.delivered";
        };
        /** @description A `message.blocked` event as an endpoint receives it. */
        MessageBlockedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.blocked";
        };
        /** @description A `message.moderated` event as an endpoint receives it. */
        MessageModeratedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.moderated";
        };
        /** @description A `message.reaction.changed` event as an endpoint receives it. */
        MessageReactionChangedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.reaction.changed";
        };
        /** @description A `message.extension.changed` event as an endpoint receives it. */
        MessageExtensionChangedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.extension.changed";
        };
        /** @description A `message.push.completed` event as an endpoint receives it. */
        MessagePushCompletedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "message.push.completed";
        };
        /** @description A `conversation.read` event as an endpoint receives it. */
        ConversationReadEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "conversation.read";
        };
        /** @description A `thread.created` event as an endpoint receives it. */
        ThreadCreatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "thread.created";
        };
        /** @description A `thread.create.requested` event as an endpoint receives it. */
        ThreadCreateRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "thread.create.requested";
        };
        /** @description A `thread.updated` event as an endpoint receives it. */
        ThreadUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "thread.updated";
        };
        /** @description A `thread.destroyed` event as an endpoint receives it. */
        ThreadDestroyedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "thread.destroyed";
        };
        /** @description A `group.created` event as an endpoint receives it. */
        GroupCreatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.created";
        };
        /** @description A `group.create.requested` event as an endpoint receives it. */
        GroupCreateRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.create.requested";
        };
        /** @description A `group.destroyed` event as an endpoint receives it. */
        GroupDestroyedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.destroyed";
        };
        /** @description A `group.updated` event as an endpoint receives it. */
        GroupUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.updated";
        };
        /** @description A `group.full` event as an endpoint receives it. */
        GroupFullEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.full";
        };
        /** @description A `group.attributes.changed` event as an endpoint receives it. */
        GroupAttributesChangedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.attributes.changed";
        };
        /** @description A `group.member.joined` event as an endpoint receives it. */
        GroupMemberJoinedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.joined";
        };
        /** @description A `group.member.left` event as an endpoint receives it. */
        GroupMemberLeftEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.left";
        };
        /** @description A `group.member.removed` event as an endpoint receives it. */
        GroupMemberRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.removed";
        };
        /** @description A `group.member.banned` event as an endpoint receives it. */
        GroupMemberBannedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.banned";
        };
        /** @description A `group.member.unbanned` event as an endpoint receives it. */
        GroupMemberUnbannedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.unbanned";
        };
        /** @description A `group.member.muted` event as an endpoint receives it. */
        GroupMemberMutedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.muted";
        };
        /** @description A `group.member.unmuted` event as an endpoint receives it. */
        GroupMemberUnmutedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.unmuted";
        };
        /** @description A `group.member.updated` event as an endpoint receives it. */
        GroupMemberUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.updated";
        };
        /** @description A `group.member.presence.changed` event as an endpoint receives it. */
        GroupMemberPresenceChangedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.member.presence.changed";
        };
        /** @description A `group.join.requested` event as an endpoint receives it. */
        GroupJoinRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.join.requested";
        };
        /** @description A `group.invite.requested` event as an endpoint receives it. */
        GroupInviteRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.invite.requested";
        };
        /** @description A `group.invitation.sent` event as an endpoint receives it. */
        GroupInvitationSentEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.invitation.sent";
        };
        /** @description A `group.invitation.declined` event as an endpoint receives it. */
        GroupInvitationDeclinedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.invitation.declined";
        };
        /** @description A `group.admin.added` event as an endpoint receives it. */
        GroupAdminAddedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.admin.added";
        };
        /** @description A `group.admin.removed` event as an endpoint receives it. */
        GroupAdminRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.admin.removed";
        };
        /** @description A `group.owner.transferred` event as an endpoint receives it. */
        GroupOwnerTransferredEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.owner.transferred";
        };
        /** @description A `group.announcement.updated` event as an endpoint receives it. */
        GroupAnnouncementUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.announcement.updated";
        };
        /** @description A `group.announcement.deleted` event as an endpoint receives it. */
        GroupAnnouncementDeletedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.announcement.deleted";
        };
        /** @description A `group.file.uploaded` event as an endpoint receives it. */
        GroupFileUploadedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.file.uploaded";
        };
        /** @description A `group.file.deleted` event as an endpoint receives it. */
        GroupFileDeletedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.file.deleted";
        };
        /** @description A `group.allowlist.added` event as an endpoint receives it. */
        GroupAllowlistAddedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.allowlist.added";
        };
        /** @description A `group.allowlist.removed` event as an endpoint receives it. */
        GroupAllowlistRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.allowlist.removed";
        };
        /** @description A `group.muted` event as an endpoint receives it. */
        GroupMutedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.muted";
        };
        /** @description A `group.unmuted` event as an endpoint receives it. */
        GroupUnmutedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.unmuted";
        };
        /** @description A `group.blocked` event as an endpoint receives it. */
        GroupBlockedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.blocked";
        };
        /** @description A `group.unblocked` event as an endpoint receives it. */
        GroupUnblockedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "group.unblocked";
        };
        /** @description A `contact.requested` event as an endpoint receives it. */
        ContactRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.requested";
        };
        /** @description A `contact.response.requested` event as an endpoint receives it. */
        ContactResponseRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.response.requested";
        };
        /** @description A `contact.added` event as an endpoint receives it. */
        ContactAddedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.added";
        };
        /** @description A `contact.declined` event as an endpoint receives it. */
        ContactDeclinedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.declined";
        };
        /** @description A `contact.removed` event as an endpoint receives it. */
        ContactRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.removed";
        };
        /** @description A `contact.blocked` event as an endpoint receives it. */
        ContactBlockedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.blocked";
        };
        /** @description A `contact.unblocked` event as an endpoint receives it. */
        ContactUnblockedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "contact.unblocked";
        };
        /** @description A `follow.added` event as an endpoint receives it. */
        FollowAddedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "follow.added";
        };
        /** @description A `follow.removed` event as an endpoint receives it. */
        FollowRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "follow.removed";
        };
        /** @description A `user.online` event as an endpoint receives it. */
        UserOnlineEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "user.online";
        };
        /** @description A `user.offline` event as an endpoint receives it. */
        UserOfflineEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "user.offline";
        };
        /** @description A `user.profile.updated` event as an endpoint receives it. */
        UserProfileUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "user.profile.updated";
        };
        /** @description A `official_account.created` event as an endpoint receives it. */
        OfficialAccountCreatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.created";
        };
        /** @description A `official_account.create.requested` event as an endpoint receives it. */
        OfficialAccountCreateRequestedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.create.requested";
        };
        /** @description A `official_account.updated` event as an endpoint receives it. */
        OfficialAccountUpdatedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.updated";
        };
        /** @description A `official_account.destroyed` event as an endpoint receives it. */
        OfficialAccountDestroyedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.destroyed";
        };
        /** @description A `official_account.subscriber.added` event as an endpoint receives it. */
        OfficialAccountSubscriberAddedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.subscriber.added";
        };
        /** @description A `official_account.subscriber.removed` event as an endpoint receives it. */
        OfficialAccountSubscriberRemovedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "official_account.subscriber.removed";
        };
        /** @description A `app.alert` event as an endpoint receives it. */
        AppAlertEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "app.alert";
        };
        /** @description A `reconciliation.completed` event as an endpoint receives it. */
        ReconciliationCompletedEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "reconciliation.completed";
        };
        /** @description A `provider.unknown` event as an endpoint receives it. */
        ProviderUnknownEvent: components["schemas"]["UnifiedEvent"] & {
            /**
             * @description The event type.
             * @constant
             */
            type?: "provider.unknown";
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
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    listProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreatedResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBeforePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeforePolicyResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putBeforePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BeforePolicyPutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeforePolicySavedResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteBeforePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rotateBeforePolicySecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeforePolicySecretResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    dryRunBeforePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BeforePolicyDryRunDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BeforePolicyDryRunResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    receiveCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The vendor: `easemob` or `tencent`. */
                provider: string;
                /** @description The gateway app the callback is for. */
                appId: string;
            };
            cookie?: never;
        };
        /** @description The vendor's callback body, as the vendor sends it. */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Stored (or a known duplicate): the vendor's ack. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not JSON, or JSON that can never be stored (nested too deep, a NUL character, an id longer than the gateway keeps); nothing stored. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Signature missing or wrong; nothing stored. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such app for this provider. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not stored (database unavailable): the vendor should retry. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
                /** @description Event type, or comma-separated types and patterns: `message.*`, `group.member.*,user.online`. */
                type?: string;
                /** @description Conversation kind. */
                conversationType?: "direct" | "group" | "chatroom" | "thread";
                /** @description Conversation id (peer user, group, chat room or thread). */
                conversationId?: string;
                /** @description Events caused by this user, or in the direct conversation with this user. */
                userId?: string;
                /** @description Only events that occurred at or after this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`). */
                since?: string;
                /** @description Only events that occurred before this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`). */
                until?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
                /** @description Event type, or comma-separated types and patterns: `message.*`, `group.member.*,user.online`. */
                type?: string;
                /** @description Conversation kind. */
                conversationType?: "direct" | "group" | "chatroom" | "thread";
                /** @description Conversation id (peer user, group, chat room or thread). */
                conversationId?: string;
                /** @description Events caused by this user, or in the direct conversation with this user. */
                userId?: string;
                /** @description Only events that occurred at or after this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`). */
                since?: string;
                /** @description Only events that occurred before this time (RFC 3339, e.g. `2024-01-31T08:00:00Z`). */
                until?: string;
            };
            header?: {
                /** @description Resume after this event id. */
                "Last-Event-ID"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless `text/event-stream`; each `data:` line is one unified event as JSON. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnifiedEvent"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getEventSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Schema document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat with the same key and body within 24 h: the first response, not a second send. */
                "Idempotency-Key"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSendDto"];
            };
        };
        responses: {
            /** @description Sent to every recipient. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponseDto"];
                };
            };
            /** @description Sent to some recipients; see each result. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    recallMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listEndpoints: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointCreatedResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointSecretResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rotateEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointSecretResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    recoverEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointRecoverDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequeuedResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
                /** @description Only deliveries in this state. */
                status?: "pending" | "delivering" | "delivered" | "failed" | "cancelled";
            };
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sendTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestEventResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    redeliverEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequeuedResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listBridges: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BridgeListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createBridge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BridgeCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BridgeResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBridge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BridgeResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteBridge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateBridge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BridgeUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BridgeResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBridgeStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BridgeStatsResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sendBridgeMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSendDto"];
            };
        };
        responses: {
            /** @description Sent on both sides. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DualSendResponseDto"];
                };
            };
            /** @description One side (or some recipients) failed. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DualSendResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listMappings: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                bridgeId: string;
                /** @description Which id table. */
                kind: "user" | "group" | "chatroom";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    replaceMappings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                /** @description Which id table. */
                kind: "user" | "group" | "chatroom";
            };
            cookie?: never;
        };
        /** @description JSON `{"mappings": [{"source": "…", "target": "…"}]}` (or the array alone, or `[source, target]` pairs), or `text/csv` with two columns, source then target, and an optional `source,target` header line (any case; spaces, `_` and an `id` ending ignored; `target,source` swaps the columns). A first line of other column names (`from,to`, `src,dst`, `old,new`) is refused with 400 `validation_failed` naming its line. At most 100,000 rows. */
        requestBody: {
            content: {
                "application/json": {
                    mappings?: {
                        source?: string;
                        target?: string;
                    }[];
                } | string;
                "text/csv": {
                    mappings?: {
                        source?: string;
                        target?: string;
                    }[];
                } | string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingUploadReportDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    mergeMappings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                /** @description Which id table. */
                kind: "user" | "group" | "chatroom";
            };
            cookie?: never;
        };
        /** @description JSON `{"mappings": [{"source": "…", "target": "…"}]}` (or the array alone, or `[source, target]` pairs), or `text/csv` with two columns, source then target, and an optional `source,target` header line (any case; spaces, `_` and an `id` ending ignored; `target,source` swaps the columns). A first line of other column names (`from,to`, `src,dst`, `old,new`) is refused with 400 `validation_failed` naming its line. At most 100,000 rows. */
        requestBody: {
            content: {
                "application/json": {
                    mappings?: {
                        source?: string;
                        target?: string;
                    }[];
                } | string;
                "text/csv": {
                    mappings?: {
                        source?: string;
                        target?: string;
                    }[];
                } | string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingUploadReportDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listRelays: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
                /** @description Only relays in this status. */
                status?: "pending" | "relaying" | "relayed" | "failed" | "unmapped" | "skipped";
                /** @description Only the relays of this original message (exact vendor message id, either app): its relay and its recall's. */
                sourceMessageId?: string;
            };
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelayListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getRelay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                relayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelayDetailResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    retryRelays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelayRetryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelayRetryResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such bridge, or an id names no relay of this bridge (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listMigrations: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description `invalid_user_list` (with `details.line`), `invalid_request`, `validation_failed`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `not_found`: no such bridge. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `conflict`: the bridge has an unfinished job. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `capability_unsupported`: the source cannot read a kind of the scope. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listMigrationItems: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
                /** @description Only items of this kind. */
                kind?: "accounts" | "profiles" | "groups" | "members" | "mutes" | "chatrooms" | "history" | "contacts" | "blocklists";
                /** @description Only items in this status. */
                status?: "pending" | "done" | "skipped" | "failed";
            };
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationItemListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    pauseMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pausing. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `conflict`: the job is in a state that does not allow it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    resumeMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resuming. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `conflict`: the job is in a state that does not allow it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    cancelMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `conflict`: the job is in a state that does not allow it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    retryMigrationItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bridgeId: string;
                jobId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationRetryDto"];
            };
        };
        responses: {
            /** @description The failed items are pending again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationJobResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `conflict`: the job is in a state that does not allow it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listReconciliations: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size, 1–200 (default 50). */
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationListResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such resource (or not visible to this credential). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createReconciliation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconciliationCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationResponseDto"];
                };
            };
            /** @description `window_invalid`: in the future, `from` not before `to`, or beyond the vendor's history; `validation_failed`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `not_found`: no such app. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `capability_unsupported`: the app's vendor history cannot be read back. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getReconciliation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationResponseDto"];
                };
            };
            /** @description The request is malformed or fails validation. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No valid admin token or API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credential may not do this (an app key on an admin-only route). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description `not_found`: no such app or run. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The resource is in a state that forbids this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected failure in the gateway. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A dependency is unavailable; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
            /** @description A dependency is down; the error body names it. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
            /** @description A dependency is down; the error body names it. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageSentEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSentEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageSendRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSendRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageSendFailedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageSendFailedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageRecalledEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageRecalledEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageEditedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageEditedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageReadEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageReadEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageDeliveredEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageDeliveredEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageBlockedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageBlockedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageModeratedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageModeratedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageReactionChangedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageReactionChangedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessageExtensionChangedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageExtensionChangedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveMessagePushCompletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessagePushCompletedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveConversationReadEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationReadEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveThreadCreatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadCreatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveThreadCreateRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadCreateRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveThreadUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveThreadDestroyedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadDestroyedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupCreatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupCreateRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreateRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupDestroyedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupDestroyedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupFullEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupFullEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAttributesChangedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAttributesChangedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberJoinedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberJoinedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberLeftEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberLeftEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberBannedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberBannedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberUnbannedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberUnbannedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberMutedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberMutedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberUnmutedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberUnmutedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMemberPresenceChangedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberPresenceChangedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupJoinRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupJoinRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupInviteRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupInviteRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupInvitationSentEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupInvitationSentEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupInvitationDeclinedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupInvitationDeclinedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAdminAddedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAdminAddedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAdminRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAdminRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupOwnerTransferredEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupOwnerTransferredEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAnnouncementUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAnnouncementUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAnnouncementDeletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAnnouncementDeletedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupFileUploadedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupFileUploadedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupFileDeletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupFileDeletedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAllowlistAddedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAllowlistAddedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupAllowlistRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupAllowlistRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupMutedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMutedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupUnmutedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUnmutedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupBlockedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupBlockedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveGroupUnblockedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUnblockedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactResponseRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactResponseRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactAddedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactAddedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactDeclinedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactDeclinedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactBlockedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactBlockedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveContactUnblockedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUnblockedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveFollowAddedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowAddedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveFollowRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveUserOnlineEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserOnlineEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveUserOfflineEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserOfflineEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveUserProfileUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserProfileUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountCreatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountCreatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountCreateRequestedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountCreateRequestedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountUpdatedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountDestroyedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountDestroyedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountSubscriberAddedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountSubscriberAddedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveOfficialAccountSubscriberRemovedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialAccountSubscriberRemovedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveAppAlertEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppAlertEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveReconciliationCompletedEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconciliationCompletedEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receiveProviderUnknownEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderUnknownEvent"];
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
