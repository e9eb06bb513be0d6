/** Element ids on the steering page, so requests, meetings and decisions can link to each other. */
export const requestAnchor = (requestId: string) => `andringsforslag-${requestId}`;
export const meetingAnchor = (meetingId: string) => `mote-${meetingId}`;
export const decisionAnchor = (decisionId: string) => `beslut-${decisionId}`;
