import { z } from 'zod';
import { FlinkHttp, type FlinkHttpOptions } from './flink-http.js';
import { NotFlinkError } from '../errors/errors.js';

const Info = z.looseObject({ productName: z.string(), version: z.string() });

/**
 * Typed client for the Flink SQL Gateway REST API (v3, Flink 1.20). Statement
 * execution lives here too as it is added; nothing else speaks to the gateway.
 */
export class SqlGatewayClient {
  private readonly http: FlinkHttp;
  constructor(options: Omit<FlinkHttpOptions, 'label'> & { label?: string }) {
    this.http = new FlinkHttp({ label: 'SQL Gateway', ...options });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Proves the address is a Flink SQL Gateway; returns its Flink version. */
  async probe(): Promise<{ version: string }> {
    const info = await this.http.json('/v3/info', Info);
    if (info.productName !== 'Apache Flink') {
      throw new NotFlinkError(`${this.http.baseUrl} is a "${info.productName}", not a Flink SQL Gateway`);
    }
    return { version: info.version };
  }
}
