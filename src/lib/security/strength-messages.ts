/**
 * English words for zxcvbn's feedback keys. Only @zxcvbn-ts/language-common is installed (no
 * language-en), and without translations zxcvbn returns bare keys such as 'topTen'. Kept
 * beside strength.ts so both load together, lazily, and only when a password form opens.
 * The time-estimate strings are required by the type; Tessera does not show crack times.
 */
import type { TranslationKeys } from '@zxcvbn-ts/core';

export const strengthMessages = {
	warnings: {
		straightRow: 'Straight rows of keys are easy to guess.',
		keyPattern: 'Short keyboard patterns are easy to guess.',
		simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
		extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
		sequences: 'Sequences like "abc" or "123" are easy to guess.',
		recentYears: 'Recent years are easy to guess.',
		dates: 'Dates are easy to guess.',
		topTen: 'This is one of the most used passwords.',
		topHundred: 'This is a very commonly used password.',
		common: 'This is a commonly used password.',
		similarToCommon: 'This is close to a commonly used password.',
		wordByItself: 'A single word is easy to guess.',
		namesByThemselves: 'A single name or surname is easy to guess.',
		commonNames: 'Common names and surnames are easy to guess.',
		userInputs: 'Avoid your name or email address in the password.',
		pwned: 'This password has appeared in a data breach.'
	},
	suggestions: {
		l33t: 'Avoid predictable substitutions like "@" for "a".',
		reverseWords: 'Avoid common words spelled backwards.',
		allUppercase: 'Capitalize some letters, not all of them.',
		capitalization: 'Capitalize more than the first letter.',
		dates: 'Avoid dates and years that are linked to you.',
		recentYears: 'Avoid recent years.',
		associatedYears: 'Avoid years that are linked to you.',
		sequences: 'Avoid common character sequences.',
		repeated: 'Avoid repeated words and characters.',
		longerKeyboardPattern: 'Use longer keyboard patterns that change direction.',
		anotherWord: 'Add another, less common word.',
		useWords: 'Use several words, but avoid common phrases.',
		noNeed: 'A long password of unrelated words needs no symbols or capitals.',
		pwned: 'If you use this password anywhere else, change it there too.'
	},
	timeEstimation: {
		ltSecond: 'less than a second',
		second: '{base} second',
		seconds: '{base} seconds',
		minute: '{base} minute',
		minutes: '{base} minutes',
		hour: '{base} hour',
		hours: '{base} hours',
		day: '{base} day',
		days: '{base} days',
		month: '{base} month',
		months: '{base} months',
		year: '{base} year',
		years: '{base} years',
		centuries: 'centuries'
	}
} satisfies TranslationKeys;
