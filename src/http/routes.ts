import type { FastifyInstance } from 'fastify';

/**
 * Which methods each served path answers, recorded as routes are added, so a
 * request with the wrong method gets 405 and an Allow header instead of 404.
 */
export class RouteRegistry {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];

  add(url: string, methods: string | string[]): void {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') || part === '*' ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const pattern = new RegExp(`^${source}/?$`);
    const existing = this.routes.find((r) => r.pattern.source === pattern.source);
    const list = (Array.isArray(methods) ? methods : [methods]).map((m) => m.toUpperCase());
    if (existing) list.forEach((m) => existing.methods.add(m));
    else this.routes.push({ pattern, methods: new Set(list) });
  }

  /** The methods the path answers, or an empty list when nothing is served there. */
  allowed(url: string): string[] {
    const path = url.split('?')[0];
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) route.methods.forEach((m) => methods.add(m));
    return [...methods].filter((m) => m !== 'HEAD').sort();
  }
}

const registries = new WeakMap<object, RouteRegistry>();

/** Call before any route is registered. */
export function trackRoutes(instance: FastifyInstance): RouteRegistry {
  const registry = new RouteRegistry();
  registries.set(instance, registry);
  instance.addHook('onRoute', (route) => registry.add(route.url, route.method));
  return registry;
}

export function routesOf(instance: object): RouteRegistry | undefined {
  return registries.get(instance);
}
