/** The one answer to a subscription request, whatever the address's state. */
export const SUBSCRIBE_ANSWER = { status: "check-your-mail", message: "If the address can receive mail, a confirmation link is on its way." } as const;
