import dns from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch, type Dispatcher } from 'undici';
import { AppError } from '../errors/errors.js';
import { EndpointConnections } from './endpoint-connections.js';

/**
 * Networks Weir sends no request to unless WEIR_OUTBOUND_DENY says otherwise: this machine
 * (loopback, and the unspecified addresses that reach it) and link-local (where cloud metadata
 * services answer, 169.254.169.254). Registering a cluster or an alert channel must not be a way
 * to make Weir call the services beside it.
 */
export const DEFAULT_OUTBOUND_DENY: readonly string[] = ['127.0.0.0/8', '::1/128', '0.0.0.0/8', '::/128', '169.254.0.0/16', 'fe80::/10'];

/** Networks as CIDR (`10.0.0.0/8`, `fd00::/8`); a bare address is a network of one. */
export interface OutboundPolicy {
  /** Addresses in these networks are refused … */
  deny: readonly string[];
  /** … unless they are also in one of these. */
  allow: readonly string[];
}

/** A request Weir would send to a network it may not reach. */
export class OutboundDeniedError extends AppError {
  constructor(host: string, address: string) {
    const shown = host === address ? address : `${host} (${address})`;
    super('VALIDATION', `${shown} is in a network Weir does not send requests to (WEIR_OUTBOUND_DENY / WEIR_OUTBOUND_ALLOW)`, { host, address });
  }
}

/** Parses one CIDR (or bare address); undefined when it is not one. */
export function parseCidr(text: string): { network: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [network = '', prefixText] = text.trim().split('/');
  const version = isIP(network);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return undefined;
  return { network, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function blockListOf(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`"${text}" is not a network in CIDR notation`);
    list.addSubnet(cidr.network, cidr.prefix, cidr.family);
  }
  return list;
}

/**
 * The one gate every outbound request of Weir passes (Flink REST and SQL Gateway clients, the
 * watcher's lean transport, alert webhooks and robots, SMTP). It checks the address a connection
 * is really made to, at the time it is made: a host name is resolved here, every address it
 * resolves to is checked, and the connection goes to the checked address, so a name that
 * resolves into a denied network (or changes its answer between a check and the request) is
 * refused too.
 */
export class OutboundGuard {
  private readonly deny: BlockList;
  private readonly allow: BlockList;
  private readonly agents = new Map<number, Agent>();
  private readonly fetchPools = new Map<number, EndpointConnections>();

  constructor(readonly policy: OutboundPolicy) {
    this.deny = blockListOf(policy.deny);
    this.allow = blockListOf(policy.allow);
  }

  /** Whether Weir may connect to this IP address. */
  allows(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    return !this.deny.check(plain, family) || this.allow.check(plain, family);
  }

  /** The address to connect to for `host`: resolved now, refused when any of its addresses is denied. */
  async resolve(host: string): Promise<string> {
    const name = host.replace(/^\[|\]$/g, '');
    const addresses = isIP(name) ? [name] : (await dns.lookup(name, { all: true, verbatim: true })).map((a) => a.address);
    const denied = addresses.find((address) => !this.allows(address));
    if (denied !== undefined) throw new OutboundDeniedError(name, denied);
    const first = addresses[0];
    if (first === undefined) throw new Error(`${name} has no address`);
    return first;
  }

  /**
   * An undici dispatcher whose every connection goes through resolve(); one per connect timeout.
   * `oneConnectionPerOrigin`: the watcher's, which reads thousands of JobManagers (one per job in
   * application mode): its reads of one cluster queue on one connection, kept open 30 s between
   * reads, instead of opening one per parallel read (10,000 clusters ran out of file descriptors).
   */
  dispatcher(connectTimeoutMs: number, opts: { oneConnectionPerOrigin?: boolean } = {}): Dispatcher {
    const key = opts.oneConnectionPerOrigin ? -connectTimeoutMs - 1 : connectTimeoutMs;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = this.newAgent(connectTimeoutMs, opts);
      this.agents.set(key, agent);
    }
    return agent;
  }

  /**
   * fetch through guarded connections: what the Flink clients use for everything but plain GETs.
   * Each endpoint has a pool of its own, started over after a request to it got no answer (see
   * EndpointConnections).
   */
  fetch(connectTimeoutMs: number): typeof globalThis.fetch {
    let pools = this.fetchPools.get(connectTimeoutMs);
    if (!pools) {
      pools = new EndpointConnections(() => this.newAgent(connectTimeoutMs));
      this.fetchPools.set(connectTimeoutMs, pools);
    }
    const endpoints = pools;
    return (async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
      let sent = init;
      // The undici package's fetch does not know Node's built-in FormData (another copy of undici):
      // encode it here, with the built-in Response, into bytes and their multipart content type.
      if (init?.body instanceof FormData) {
        const encoded = new Response(init.body);
        const headers: Record<string, string> = {};
        new Headers(init.headers).forEach((value, name) => (headers[name] = value));
        headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
        sent = { ...init, headers, body: new Uint8Array(await encoded.arrayBuffer()) };
      }
      const origin = new URL(input instanceof Request ? input.url : String(input)).origin;
      try {
        return await undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(sent as Parameters<typeof undiciFetch>[1]), dispatcher: endpoints.for(origin) });
      } catch (err) {
        if (init?.signal?.aborted || isUndiciTimeout(err)) endpoints.noAnswerFrom(origin);
        throw err;
      }
    }) as unknown as typeof globalThis.fetch;
  }

  private newAgent(connectTimeoutMs: number, opts: { oneConnectionPerOrigin?: boolean } = {}): Agent {
    const connectDirectly = buildConnector({ timeout: connectTimeoutMs });
    const connect: buildConnector.connector = (options, callback) => {
      this.resolve(options.hostname).then(
        // `host` still names the server, so TLS checks its certificate against that name.
        (address) => connectDirectly({ ...options, hostname: address }, callback),
        (error: Error) => callback(error, null),
      );
    };
    return new Agent(opts.oneConnectionPerOrigin ? { connect, connections: 1, keepAliveTimeout: 30_000 } : { connect });
  }
}

/** undici's own wait ran out (headers or body): the server, or what is in front of it, did not answer. */
function isUndiciTimeout(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } })?.cause?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/** `::ffff:127.0.0.1` is 127.0.0.1: an IPv4 network's rule applies to its IPv6-mapped form too. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}
