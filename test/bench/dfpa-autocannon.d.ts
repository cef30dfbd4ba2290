// The part of autocannon 9's API the dfpa benchmark uses (the package ships no types; the same declaration as case-management's).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    pipelining?: number;
    requests?: {
      method?: string;
      path?: string;
      setupRequest?: (request: { headers?: Record<string, string> }) => unknown;
    }[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
