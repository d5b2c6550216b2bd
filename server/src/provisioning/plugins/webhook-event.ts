import { newId } from '../../ids';
import type { PluginOffering, PluginResource, ProvisioningJob } from '../plugin';

/**
 * The events the `webhook` plugin sends to a site agent, and the JSON Schema of the order event
 * (the body of `GET /orders/{id}/provisioning-event`, which a polling agent reads instead). The
 * order's and the resource's attributes are whole, secret ones included: the agent provisions
 * with them on the provider's own systems. The offering's options are not sent.
 */

/** `order.executing`: an order for the agent to carry out, then complete or fail through the API. */
export interface OrderEvent {
  id: string;
  type: 'order.executing';
  /** When the event was made (ISO 8601); each attempt to deliver it is signed with its own timestamp. */
  created_at: string;
  order: ProvisioningJob['order'];
  resource: PluginResource;
  offering: { id: string; slug: string };
}

/** `resource.pull`: asks the agent what its backend has of a resource now; answered in the response. */
export interface PullEvent {
  id: string;
  type: 'resource.pull';
  created_at: string;
  resource: PluginResource;
  offering: { id: string; slug: string };
}

const offeringRef = (offering: PluginOffering) => ({ id: offering.id, slug: offering.slug });

export function orderEvent(job: ProvisioningJob): OrderEvent {
  return {
    id: `evt_${newId()}`,
    type: 'order.executing',
    created_at: new Date().toISOString(),
    order: job.order,
    resource: job.resource,
    offering: offeringRef(job.offering),
  };
}

export function pullEvent(subject: { resource: PluginResource; offering: PluginOffering }): PullEvent {
  return {
    id: `evt_${newId()}`,
    type: 'resource.pull',
    created_at: new Date().toISOString(),
    resource: subject.resource,
    offering: offeringRef(subject.offering),
  };
}

const OBJECT = { type: 'object', additionalProperties: true } as const;
const ID = { type: 'string' } as const;

/** The `order.executing` event as a response schema. */
export const ORDER_EVENT_SCHEMA = {
  type: 'object',
  description:
    "An order for the provider's site agent to carry out: what the `webhook` plugin POSTs to the agent's URL, signed. Attributes are whole, secret ones included.",
  additionalProperties: false,
  required: ['id', 'type', 'created_at', 'order', 'resource', 'offering'],
  properties: {
    id: { ...ID, description: "The event's id: `webhook-id` when it is POSTed." },
    type: { type: 'string', description: 'Always `order.executing`.' },
    created_at: { type: 'string', format: 'date-time' },
    order: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type', 'attributes', 'limits', 'plan_id', 'version', 'attempts'],
      properties: {
        id: ID,
        type: { type: 'string', description: 'create, update, terminate, pause, resume or restart.' },
        attributes: {
          ...OBJECT,
          description: 'What the resource is to be after the order, secret properties included.',
        },
        limits: { type: 'object', additionalProperties: { type: 'number' } },
        plan_id: ID,
        version: { type: 'string' },
        attempts: { type: 'integer', description: 'Runs of this order, this one included.' },
      },
    },
    resource: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'backend_id', 'attributes', 'limits', 'outputs', 'backend_state', 'state'],
      properties: {
        id: ID,
        name: { type: 'string' },
        backend_id: {
          type: 'string',
          description: "The backend's id of the resource; '' before its create order is done.",
        },
        attributes: { ...OBJECT, description: 'What the resource is now, secret properties included.' },
        limits: { type: 'object', additionalProperties: { type: 'number' } },
        outputs: OBJECT,
        backend_state: { ...OBJECT, description: 'The `state` the agent last reported.' },
        state: { type: 'string' },
      },
    },
    offering: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'slug'],
      properties: { id: ID, slug: { type: 'string' } },
    },
  },
} as const;
