// The open message's heading: the Mail page moves focus there after opening a message.
export const OPEN_MESSAGE_ID = 'mail-open-subject';
