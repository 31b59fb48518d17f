export { createApp, MAX_BODY_BYTES, MAX_SMS_SEGMENTS, MAX_DISPLAY_NAME, type AppOptions } from './app.js';
export { jwtAuthenticate, type Authenticate, type Caller } from './auth.js';
export { everyTenant, tenantsFrom, loadTenantsFile, DEFAULT_TENANT, type Tenant, type Tenants } from './tenants.js';
export { MemoryRateLimitStore, type RateLimitStore, type RateLimitCounter, type RateLimitVerdict } from './rate-limit-store.js';
export { DEFAULT_LIMITS, LIMITED_ACTIONS, LIMIT_SCOPES, MAX_WINDOW_SECONDS, type Limits, type ActionLimits, type RateLimit, type LimitScope, type LimitedAction } from './rate-limits.js';
export { createSimulatedProvider, DEFAULT_SIMULATED_DELAYS, type SimulatedDelays } from './simulated-provider.js';
export { SMS_STATES, FINAL_SMS_STATES, type TelephonyProvider, type DialRequest, type SmsSendRequest, type SmsUpdate, type SmsState } from './provider.js';
export { PROBLEM_CODES, type ProblemCode, type Problem } from './problem.js';
export { maskNumber } from './audit.js';
