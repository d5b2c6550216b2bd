/** The states of a resource, as the API writes them (`GET /resources?state=`). */
export const RESOURCE_STATES = ['Creating', 'OK', 'Paused', 'Updating', 'Terminating', 'Terminated', 'Erred'];
